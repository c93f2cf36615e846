"""Merge an Odoo .pot into sibling <lang>.po files, keeping existing translations.

Usage: po_merge.py path/to/module.pot zh_CN zh_TW
Prints how many entries of each language are still untranslated.
"""

import os
import sys

import polib


def merge(pot_path, lang):
    po_path = os.path.join(os.path.dirname(pot_path), f"{lang}.po")
    pot = polib.pofile(pot_path, wrapwidth=78)
    old = polib.pofile(po_path) if os.path.exists(po_path) else polib.POFile()
    known = {(e.msgctxt, e.msgid): e.msgstr for e in old if e.msgstr}
    known_by_id = {e.msgid: e.msgstr for e in old if e.msgstr}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata)
    po.metadata["Language"] = lang
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.header = pot.header
    for entry in pot:
        msgstr = known.get((entry.msgctxt, entry.msgid)) or known_by_id.get(
            entry.msgid, ""
        )
        po.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgstr=msgstr,
                msgctxt=entry.msgctxt,
                occurrences=entry.occurrences,
                comment=entry.comment,
                tcomment=entry.tcomment,
                flags=entry.flags,
            )
        )
    po.save(po_path)
    missing = sum(1 for e in po if not e.msgstr)
    print(f"{po_path}: {len(po)} terms, {missing} untranslated")
    return missing


if __name__ == "__main__":
    pot_file, *langs = sys.argv[1:]
    for language in langs:
        merge(pot_file, language)
