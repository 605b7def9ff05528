# Remedios: the two commands of the quick start, and a few helpers.
PYTHON := .venv/bin/python

.PHONY: run test setup test-slow export-workflows

run:        ## set up whatever is missing, then start everything on loopback (Ctrl-C stops it)
	@scripts/setup.sh --model
	@$(PYTHON) -m devstack run

# The default suite in two processes, one per core of CI (tests/support/xdist_schedule.py); PYTEST_WORKERS=0 runs it
# in this one.
PYTEST_WORKERS ?= 2

test:       ## set up whatever is missing, then run the whole default test suite
	@scripts/setup.sh
	@$(PYTHON) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup

setup:      ## only the set-up, including the default model
	@scripts/setup.sh --model

test-slow:  ## tests that need the real default model, and the long fault-matrix runs
	@scripts/setup.sh --model
	@$(PYTHON) -m pytest -m slow

export-workflows:  ## write the workflows as edited in the n8n editor back to n8n-workflows/ (review, then commit)
	@$(PYTHON) -m devstack export-workflows
