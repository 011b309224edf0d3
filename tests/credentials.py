"""The test credentials every test folder shares (the official builders' test App ID and certificate)."""

from __future__ import annotations

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
# A second project and a wrong certificate, for "another App ID" and "another certificate" cases.
OTHER_APP_ID = "abcdefabcdefabcdefabcdefabcdef12"
OTHER_CERT = "0123456789abcdef0123456789abcdef"
CUSTOMER_ID = "3e1b4f2c9a7d4e58b6c0a1f2d3e4b5c6"
CUSTOMER_SECRET = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
