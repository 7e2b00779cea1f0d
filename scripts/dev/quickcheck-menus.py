#!/usr/bin/env python3
"""Quick check of menus/*.json while authoring (the real check is `cladmin menus check`):
schema validity, duplicate ids, unresolved next ids, unknown command names."""
import json, glob, os, sys, shlex
import jsonschema
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
schema = json.load(open(os.path.join(root, 'menus.schema.json')))
known = {c['name'] for c in json.load(open(os.path.join(root, 'src/ClAdmin.Exec/commands.json')))['commands']}
ids, refs, errors = {}, [], []
def cmdname(cmd):
    try: words = shlex.split(cmd)
    except ValueError as e: return None
    words = [w for w in words if not ('=' in w and w.split('=')[0].isidentifier())]
    return os.path.basename(words[0]) if words else None
def checkcmd(f, where, cmd):
    if cmd:
        n = cmdname(cmd)
        if n not in known: errors.append(f'{f}: {where}: command {n!r} is not in commands.json')
for f in sorted(glob.glob(os.path.join(root, 'menus', '*.json'))):
    d = json.load(open(f)); fn = os.path.basename(f)
    for e in jsonschema.Draft7Validator(schema).iter_errors(d):
        errors.append(f'{fn}: schema: /{"/".join(map(str, e.path))}: {e.message}')
    for kind in ('menus', 'selectors', 'dialogs'):
        for o in d.get(kind, []):
            if o['id'] in ids: errors.append(f'{fn}: duplicate id {o["id"]} (also in {ids[o["id"]]})')
            ids[o['id']] = fn
    for a in d.get('aliases', []):
        if a['alias'] in ids: errors.append(f'{fn}: alias {a["alias"]} duplicates an id')
        ids[a['alias']] = fn; refs.append((fn, a['next']))
    for m in d.get('menus', []):
        for it in m['items']:
            if it.get('next'): refs.append((fn, it['next']))
    for s in d.get('selectors', []):
        if s.get('type', 'just-next') == 'just-next': refs.append((fn, s['next']))
        checkcmd(fn, s['id'] + ' classify', s.get('classifyCommand'))
        if len(s['fields']) != 1: errors.append(f'{fn}: selector {s["id"]} needs exactly one field')
        for fl in s['fields']: checkcmd(fn, s['id'] + '.' + fl['id'], fl.get('listCommand'))
    for dl in d.get('dialogs', []):
        checkcmd(fn, dl['id'], dl['command']); checkcmd(fn, dl['id'] + ' discover', dl.get('discoverCommand'))
        seen = set()
        for fl in dl['fields']:
            if fl['id'] in seen or fl['sequence'] in seen: errors.append(f'{fn}: {dl["id"]}: duplicate field id or sequence {fl["id"]}/{fl["sequence"]}')
            seen.add(fl['id']); seen.add('#' + fl['sequence'])
            checkcmd(fn, dl['id'] + '.' + fl['id'], fl.get('listCommand'))
            r = fl.get('ring')
            if r and r.get('commandValues') is not None and len(r['commandValues']) != len(r['values']):
                errors.append(f'{fn}: {dl["id"]}.{fl["id"]}: ring values and commandValues differ in length')
for fn, r in refs:
    if r not in ids: errors.append(f'{fn}: next id {r!r} does not resolve (yet)')
print('\n'.join(errors) or f'ok: {len(ids)} ids')
sys.exit(1 if errors else 0)
