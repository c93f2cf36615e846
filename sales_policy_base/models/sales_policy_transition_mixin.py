# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fields that only a document's own actions may write.

Odoo 18 writes ``readonly`` fields on the server, and the caller chooses the
context: a state or decision field guarded by a context key is writable by
anyone who calls ``write`` over RPC. A model inheriting
``sales.policy.transition.mixin`` lists those fields in ``_protected_fields``;
``write``, ``create`` and ``copy`` refuse them, whatever the context, unless
the document's own action writes them through ``_transition()``, which marks
the records on the database cursor (out of reach of an RPC caller) for the
duration of the write. The superuser (code that already checked the user's
right, data files) is let through.

    class Visit(models.Model):
        _name = "sales.visit.plan"
        _inherit = ["sales.policy.transition.mixin"]
        _protected_fields = ["state", "reviewed_by_id"]

        def action_review(self):
            self._check_reviewer()          # the caller's right, checked explicitly
            self._transition({"state": "reviewed", "reviewed_by_id": self.env.uid})
"""

from contextlib import contextmanager

from odoo import api, models
from odoo.exceptions import UserError

#: records inside one of their own transitions; on the cursor, out of reach of
#: RPC callers (a context key is not)
TRANSITION_KEY = "sales_policy_transition"


class SalesPolicyTransitionMixin(models.AbstractModel):
    _name = "sales.policy.transition.mixin"
    _description = "Sales Policy Guarded Transitions"

    #: fields that only the document's own actions write
    _protected_fields = []
    #: code of the policy clause (``sales.policy.clause``) the guard enforces,
    #: named in its refusals; every suite model declares one (registry test)
    _policy_clause = None

    @contextmanager
    def _transition_scope(self):
        """Let the records' own action write their protected fields."""
        marks = self.env.cr.precommit.data.setdefault(TRANSITION_KEY, set())
        keys = {(self._name, rid) for rid in self.ids}
        added = keys - marks
        marks.update(added)
        try:
            yield
        finally:
            marks.difference_update(added)

    def _transition(self, vals):
        """Write ``vals`` (protected fields included) from the records' own
        action. Call it after the action checked the caller's right."""
        with self._transition_scope():
            return self.write(vals)

    def _in_transition(self):
        marks = self.env.cr.precommit.data.get(TRANSITION_KEY) or set()
        return all((self._name, rid) in marks for rid in self.ids)

    def _protected_refusal(self, names):
        labels = ", ".join(
            self._fields[name]._description_string(self.env) for name in sorted(names)
        )
        if self._policy_clause:
            message = self.env._(
                "%(fields)s of %(model)s change only through the document's own "
                "buttons (sales policy %(clause)s: approvals and transitions "
                "cannot be skipped). Use the buttons on the form.",
                fields=labels,
                model=self._description,
                clause=self._policy_clause,
            )
        else:
            message = self.env._(
                "%(fields)s of %(model)s change only through the document's own "
                "buttons (sales policy: approvals and transitions cannot be "
                "skipped). Use the buttons on the form.",
                fields=labels,
                model=self._description,
            )
        return UserError(message)

    def write(self, vals):
        protected = set(self._protected_fields).intersection(vals)
        if protected and not self.env.su and not self._in_transition():
            # who may not write the document at all is told so first
            self.check_access("write")
            raise self._protected_refusal(protected)
        return super().write(vals)

    @api.model
    def _without_protected_context_defaults(self):
        """The model with no ``default_<protected field>`` context keys: a
        caller does not choose a protected field's initial value that way."""
        keys = {f"default_{name}" for name in self._protected_fields}
        if self.env.su or keys.isdisjoint(self.env.context):
            return self
        # the whole context replaced: the keys are dropped, not set to None
        clean = {k: v for k, v in self.env.context.items() if k not in keys}
        return self.with_env(self.env(context=clean))

    @api.model_create_multi
    def create(self, vals_list):
        model = self._without_protected_context_defaults()
        if model._protected_fields and not model.env.su:
            defaults = model.default_get(model._protected_fields)
            for vals in vals_list:
                forced = {
                    name
                    for name in model._protected_fields
                    if vals.get(name) and vals[name] != defaults.get(name)
                }
                if forced:
                    model.browse().check_access("create")
                    raise model._protected_refusal(forced)
        return super(SalesPolicyTransitionMixin, model).create(vals_list)

    def copy_data(self, default=None):
        # a copy starts over: its protected fields take their defaults
        vals_list = super().copy_data(default=default)
        if self._protected_fields and not self.env.su:
            for vals in vals_list:
                for name in self._protected_fields:
                    if not (default and name in default):
                        vals.pop(name, None)
        return vals_list
