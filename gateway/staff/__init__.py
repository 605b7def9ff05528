"""The staff console: a person of the business takes a conversation over, answers on the plumber's own channel
and hands it back to the agent (README.md, "Staff console"; docs/contracts.md §10).

The gateway only serves the page, the staff socket and the transport. Every decision (who is logged in, who may
take or answer what, what is stored, what is sent) is made by the n8n workflow *Remedios · Staff: console*
(n8n-workflows/workflows/staff-console.json), which answers each request and sends a person's replies to the
plumber through the same signed callback as the agent's answers.
"""
