"""The room without internet: participants send points from their phones' browsers to a small
web server pofacil runs on the laptop's local network (issue 15).

Qt-free, above the core (it commits through :mod:`pofacil.board`), below the UI and the CLI:
:mod:`.server` is the aiohttp server on its own thread, :mod:`.receive` commits what arrives,
:mod:`.addresses` finds the local addresses it may listen on, :mod:`.serve` is
``pofacil serve``.
"""
