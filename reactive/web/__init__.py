"""The HTTP API and MCP: routes the server mounts, each call on a session of its own."""
