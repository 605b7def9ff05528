# Remedios: the two commands of the quick start, and a few helpers.
PYTHON := .venv/bin/python

.PHONY: run test setup test-slow export-workflows

run:        ## set up whatever is missing, then start everything on loopback (Ctrl-C stops it)
	@scripts/setup.sh --model
	@$(PYTHON) -m devstack run

test:       ## set up whatever is missing, then run the whole default test suite
	@scripts/setup.sh
	@$(PYTHON) -m pytest

setup:      ## only the set-up, including the default model
	@scripts/setup.sh --model

test-slow:  ## tests that need the real default model, and the long fault-matrix runs
	@scripts/setup.sh --model
	@$(PYTHON) -m pytest -m slow

export-workflows:  ## write the workflows as edited in the n8n editor back to n8n-workflows/ (review, then commit)
	@$(PYTHON) -m devstack export-workflows
