"""Makes tests/fixtures/exchange/qualcoder-codebook.qdc with QualCoder's own codebook export.

The functions that write a REFI-QDA codebook in QualCoder (src/qualcoder/refi.py, class RefiExport: get_codes,
get_categories, codebook_xml, code_xml, add_sub_categories, create_guid, codebook_exchange_xml) are taken from a
QualCoder checkout as they are, and run over a small project database with QualCoder's own tables (code_name,
code_cat); the file is written as QualCoder's export_codebook writes it (UTF-8 with a BOM). Nothing of QualCoder is
copied into this repository: only the file it produces.

Usage: python3 scripts/make-qualcoder-codebook.py PATH/TO/QualCoder/src/qualcoder/refi.py OUT.qdc
"""
import ast
import copy
import html
import sqlite3
import sys
import uuid
from copy import copy as shallow_copy

METHODS = ['get_codes', 'code_xml', 'get_categories', 'codebook_xml', 'add_sub_categories', 'create_guid', 'codebook_exchange_xml']


def qualcoder_exporter(refi_path):
    tree = ast.parse(open(refi_path, encoding='utf-8').read())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == 'RefiExport')
    methods = [m for m in cls.body if isinstance(m, ast.FunctionDef) and m.name in METHODS]
    assert sorted(m.name for m in methods) == sorted(METHODS), [m.name for m in methods]
    module = ast.Module(body=[ast.ClassDef(name='Exporter', bases=[], keywords=[], body=methods, decorator_list=[])], type_ignores=[])
    namespace = {'html': html, 'uuid': uuid, 'copy': shallow_copy, 'deepcopy': copy.deepcopy}
    exec(compile(ast.fix_missing_locations(module), refi_path, 'exec'), namespace)
    return namespace['Exporter']


def project_db():
    conn = sqlite3.connect(':memory:')
    conn.execute('create table code_cat (catid integer primary key, name text, owner text, date text, memo text, supercatid integer)')
    conn.execute('create table code_name (cid integer primary key, name text, memo text, owner text, date text, catid integer, color text, supercid integer)')
    now = '2026-03-02 10:15:00'
    conn.executemany('insert into code_cat values (?,?,?,?,?,?)', [
        (1, 'Isolement', 'evaluatrice', now, 'Ce que les aidants disent de leur solitude.', None),
        (2, 'Répit', 'evaluatrice', now, '', None),
    ])
    conn.executemany('insert into code_name values (?,?,?,?,?,?,?,?)', [
        (1, 'Se sentir moins seul', 'Parle d’un lien retrouvé, d’une présence.', 'evaluatrice', now, 1, '#F4B084', None),
        (2, 'Parler à d’autres aidants', '', 'evaluatrice', now, 1, '#9BC2E6', None),
        (3, 'Groupe de parole', 'Sous-code : le groupe mensuel.', 'evaluatrice', now, None, '#C9C9C9', 2),
        (4, 'Souffler <enfin> & dormir', '', 'evaluatrice', now, 2, '#A9D08E', None),
        (5, 'Transport', 'Obstacle cité sans lien avec un changement visé.', 'evaluatrice', now, None, '#FFD966', None),
    ])
    return conn


class App:
    def __init__(self, conn):
        self.conn = conn


def main(refi_path, out):
    exporter = qualcoder_exporter(refi_path)()
    exporter.app = App(project_db())
    exporter.guids = []
    exporter.get_categories()
    exporter.get_codes()
    exporter.codebook_exchange_xml()
    with open(out, 'w', encoding='utf-8-sig') as f:  # as RefiExport.export_codebook writes it
        f.write(exporter.xml)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
