# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os
import re

import polib

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged

from .suite_paths import is_suite_module

PLACEHOLDER = re.compile(r"%\(\w+\)[sdrf]|%[sdrf]|\{\w*\}")
LANGS = ("zh_CN", "zh_TW")


@tagged("post_install", "-at_install")
class TestSuiteTranslations(TransactionCase):
    """Users read this suite in Chinese: every module ships complete zh_CN and zh_TW."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        installed = cls.env["ir.module.module"].search([("state", "=", "installed")])
        cls.suite_modules = installed.filtered(
            lambda m: is_suite_module(m.name) and m.name != "sales_policy_suite_tests"
        )

    def _po(self, module, filename):
        path = os.path.join(get_module_path(module), "i18n", filename)
        self.assertTrue(os.path.exists(path), f"{module} ships no i18n/{filename}")
        return polib.pofile(path)

    def test_suite_modules_are_found(self):
        self.assertIn("sales_policy_base", self.suite_modules.mapped("name"))

    def test_every_term_is_translated_in_both_chinese_scripts(self):
        for module in self.suite_modules.mapped("name"):
            template = self._po(module, f"{module}.pot")
            terms = {(e.msgctxt, e.msgid) for e in template if e.msgid}
            self.assertTrue(terms, f"{module}.pot is empty")
            for lang in LANGS:
                translated = {
                    (e.msgctxt, e.msgid): e.msgstr
                    for e in self._po(module, f"{lang}.po")
                    if e.msgstr and not e.obsolete
                }
                missing = sorted(msgid for ctx, msgid in terms - translated.keys())
                self.assertFalse(
                    missing, f"{module}/{lang}.po misses {len(missing)}: {missing[:5]}"
                )

    def test_translations_keep_their_placeholders(self):
        for module in self.suite_modules.mapped("name"):
            for lang in LANGS:
                for entry in self._po(module, f"{lang}.po"):
                    if not entry.msgstr:
                        continue
                    self.assertEqual(
                        sorted(PLACEHOLDER.findall(entry.msgid)),
                        sorted(PLACEHOLDER.findall(entry.msgstr)),
                        f"{module}/{lang}.po: placeholders differ in {entry.msgid!r}",
                    )

    def test_clause_register_reads_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["res.lang"]._activate_lang("zh_TW")
        self.suite_modules._update_translations(["zh_CN", "zh_TW"])
        clause = self.env.ref("sales_policy_base.clause_gen_company_separation")
        self.assertEqual(
            clause.with_context(lang="zh_CN").name, "各公司的制度设置和记录相互隔离"
        )
        self.assertEqual(
            clause.with_context(lang="zh_TW").name, "各公司的制度設定和記錄相互隔離"
        )
        area = dict(
            self.env["sales.policy.clause"]
            .with_context(lang="zh_TW")
            ._fields["area"]
            ._description_selection(self.env(context={"lang": "zh_TW"}))
        )
        self.assertEqual(area["receivables"], "應收帳款與信用")
