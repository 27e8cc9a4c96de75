"""Working with others: a department view that widens only with the manager's confirmation, the
warning when another program holds the workspace file, and (on a team workspace) the connection,
who is connected and other users' changes as they happen."""
