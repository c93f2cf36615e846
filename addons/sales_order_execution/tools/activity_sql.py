# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Activities given by a cron in bulk, in SQL: the idiom of the complaint
escalation (``sales_complaint/models/sales_complaint_escalation.py``) as a
helper, written to move as is to ``sales_policy_base/tools`` (it only uses
Odoo's ``mail`` tables).

``mail.activity.create`` subscribes, checks and notifies activity by
activity: thousands of activities cost tens of seconds. A cron that gives
many activities at once chains :func:`activities_cte` after its own CTEs
(which define the wanted activities) in one statement, then calls
:func:`activities_given` with the users it returns. As ``create`` does, each
assignee follows the record (with the model's default subtypes, unless
already a follower) and the web client is told; no email per activity (as
``mail_activity_quick_update``), no message.
"""

from odoo import fields
from odoo.tools import SQL

#: stands for the record's name in a translated summary (:func:`summary_sql`)
NAME_MARK = "\x00"


def summary_sql(translated, name):
    """The summary ``translated`` (holding :data:`NAME_MARK` where the
    record's name goes) around the SQL expression ``name``."""
    before, _mark, after = translated.partition(NAME_MARK)
    return SQL("%s || %s || %s", before, name, after)


def activities_cte(env, model, wanted, activity_type, date_deadline, once=True):
    """CTE members (to follow ``WITH ...,``) that give the activities of
    ``wanted`` on records of ``model``: ``given`` (their res_id, user_id),
    ``followers`` and ``subtypes``.

    :param wanted: the name of a CTE with the columns res_id, res_name,
        user_id (not null) and summary
    :param activity_type: a ``mail.activity.type`` record
    :param once: skip a user who already has an active activity of this type
        on the record (a cron run that died after giving it)
    """
    model_id = env["ir.model"]._get_id(model)
    already = SQL(
        """AND NOT EXISTS (
               SELECT 1 FROM mail_activity a
                WHERE a.res_model = %(model)s AND a.res_id = w.res_id
                  AND a.activity_type_id = %(type_id)s
                  AND a.user_id = w.user_id AND a.active)""",
        model=model,
        type_id=activity_type.id,
    )
    now = fields.Datetime.now()
    return SQL(
        """given AS (
               INSERT INTO mail_activity
                      (res_model_id, res_model, res_id, res_name,
                       activity_type_id, summary, date_deadline, automated,
                       active, user_id, user_tz, create_uid, create_date,
                       write_uid, write_date)
               SELECT %(model_id)s, %(model)s, w.res_id, w.res_name, %(type_id)s,
                      w.summary, %(deadline)s, TRUE, TRUE, w.user_id, p.tz,
                      %(uid)s, %(now)s, %(uid)s, %(now)s
                 FROM %(wanted)s w
                 JOIN res_users u ON u.id = w.user_id
                 JOIN res_partner p ON p.id = u.partner_id
                WHERE TRUE %(already)s
            RETURNING res_id, user_id),
           followers AS (
               INSERT INTO mail_followers (res_model, res_id, partner_id)
               SELECT DISTINCT %(model)s, g.res_id, u.partner_id
                 FROM given g JOIN res_users u ON u.id = g.user_id
          ON CONFLICT (res_model, res_id, partner_id) DO NOTHING
            RETURNING id),
           subtypes AS (
               INSERT INTO mail_followers_mail_message_subtype_rel
                      (mail_followers_id, mail_message_subtype_id)
               SELECT f.id, s.id
                 FROM followers f, unnest(%(subtype_ids)s::int[]) AS s (id))""",
        model_id=model_id,
        model=model,
        type_id=activity_type.id,
        deadline=date_deadline,
        uid=env.uid,
        now=now,
        wanted=SQL.identifier(wanted),
        already=already if once else SQL(),
        subtype_ids=env["mail.message.subtype"]._default_subtypes(model)[0],
    )


def activities_given(env, model, user_ids):
    """After the statement: drop the stale caches and tell the assignees'
    web clients (as ``mail.activity.create`` does)."""
    env[model].invalidate_model()
    env["mail.activity"].invalidate_model()
    env["mail.followers"].invalidate_model()
    users = env["res.users"].browse(set(user_ids))
    users._bus_send("mail.activity/updated", {"activity_created": True})
