"""Channels: each has an input side (how plumbers' messages come in) and an output side (how replies go out).

Adding WhatsApp or Telegram is one new module implementing `InputChannel` and `OutputChannel` from
`gateway.channels.base`, registered in `gateway.app.create_app`.
"""
