"""The one credentials type every front end and the signer use.

Secrets stay :class:`Secret` from where they are read (keyring, environment,
a form) to the signer, which reveals the certificate for the HMAC only; the
repr is safe to log.
"""

from __future__ import annotations

from dataclasses import dataclass

from agora_desk.core.errors import InputError
from agora_desk.core.i18n import _
from agora_desk.core.secret import Secret


@dataclass(frozen=True)
class Credentials:
    app_id: str = ""
    app_certificate: Secret | None = None
    customer_id: str = ""
    customer_secret: Secret | None = None
    profile: str | None = None  # the saved profile they came from, if any
    app_certificate_secondary: Secret | None = None  # the project's second certificate

    def require_certificate(self) -> Secret:
        """The App Certificate, or :class:`InputError` when there is none."""
        if self.app_certificate is None or not self.app_certificate:
            raise InputError(
                _("App Certificate"),
                _("is empty; it is the 32-character hex string from Agora Console"),
            )
        return self.app_certificate

    def require_customer_secret(self) -> Secret:
        """The Customer Secret, or :class:`InputError` when there is none."""
        if self.customer_secret is None or not self.customer_secret:
            raise InputError(
                _("Customer Secret"), _("is empty; copy it from Agora Console → RESTful API")
            )
        return self.customer_secret
