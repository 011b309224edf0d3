"""Network I/O (the HTTPS transport for test requests). Never imported by the core."""
