import re, json, os, shutil
src = '/work/shared/corpus/email-templates'
dst = '/work/main/tests/Mailing.Generators.Tests/Corpus'

def sample(name):
    if name.endswith('_url'): return f'https://example.com/{name[:-4].replace("_", "-")}?ref=mail&id=42'
    if 'email' in name: return 'ann@example.com'
    if name in ('name', 'commenter_name', 'invite_sender_name', 'username'): return 'Ann Lee'
    if 'date' in name or name == 'timestamp': return '28 November 2026'
    if name in ('amount', 'total'): return '$42.00'
    if name == 'body': return 'Looks good to me <3 & ship it'
    return name.replace('_', ' ').title() + ' 7'

def convert_postmark(html):
    names, lists = [], {}
    out, pos, stack = [], 0, []
    for m in re.finditer(r'\{\{\s*([#/]?)\s*(each\s+)?([\w.]+)\s*\}\}', html):
        out.append(html[pos:m.start()]); pos = m.end()
        sigil, each, name = m.group(1), m.group(2), m.group(3)
        if sigil == '#' and each:
            coll = stack[-1][1] if name == '.' else name
            stack.append(('each', coll)); lists.setdefault(coll, [])
            out.append(f'{{{{ for item in {coll} }}}}')
        elif sigil == '#':
            stack.append(('section', name)); lists.setdefault(name, [])
            out.append(f'{{{{ if {name} }}}}')
        elif sigil == '/':
            stack.pop(); out.append('{{ end }}')
        else:
            loop = next((s for s in reversed(stack) if s[0] == 'each'), None)
            if loop:
                lists[loop[1]].append(name); out.append(f'{{{{ item.{name} }}}}')
            else:
                names.append(name); out.append(f'{{{{ {name} }}}}')
    out.append(html[pos:])
    model = {n: sample(n) for n in names}
    for coll, fields in lists.items():
        if fields:
            model[coll] = [{f: (sample(f) + (f' {i}' if not f.endswith('_url') else f'&n={i}')) for f in dict.fromkeys(fields)} for i in range(1, 4)]
    return ''.join(out), model

os.makedirs(f'{dst}/postmark', exist_ok=True)
shutil.copy(f'{src}/postmark/LICENSE', f'{dst}/postmark/LICENSE')
for d in sorted(os.listdir(f'{src}/postmark')):
    p = f'{src}/postmark/{d}/content.html'
    if not os.path.isfile(p): continue
    tpl, model = convert_postmark(open(p, encoding='utf-8').read())
    open(f'{dst}/postmark/{d}.sbn-html', 'w', encoding='utf-8').write(tpl)
    json.dump(model, open(f'{dst}/postmark/{d}.model.json', 'w'), indent=2); open(f'{dst}/postmark/{d}.model.json','a').write('\n')

os.makedirs(f'{dst}/mailgun', exist_ok=True)
for f in ('LICENSE', 'styles.css'): shutil.copy(f'{src}/mailgun/{f}', f'{dst}/mailgun/{f}')
for name in ('action', 'alert', 'billing'):
    html = open(f'{src}/mailgun/{name}.html', encoding='utf-8').read()
    html = html.replace('</head>', '<link rel="stylesheet" href="styles.css">\n</head>', 1)
    model = {'name': 'Ann Lee', 'action_url': 'https://example.com/confirm?id=42&ref=mail'}
    if name == 'billing':
        rows = list(re.finditer(r'<tr\b(?:(?!<tr\b).)*?Service&nbsp;\d.*?</tr>', html, re.S))
        first = rows[0].group(0)
        first = re.sub(r'Service&nbsp;1', '{{ item.name }}', first)
        first = re.sub(r'\$(?:&nbsp;|\s)*[\d.]+', '{{ item.price }}', first, count=1)
        html = html[:rows[0].start()] + '{{ for item in items }}' + first + '{{ end }}' + html[rows[-1].end():]
        model['items'] = [{'name': f'Service {i}', 'price': f'$ {i}9.99'} for i in range(1, 4)]
    html = re.sub(r'href="(https?://[^"]*)"', 'href="{{ action_url }}"', html, count=1)
    open(f'{dst}/mailgun/{name}.sbn-html', 'w', encoding='utf-8').write(html)
    json.dump(model, open(f'{dst}/mailgun/{name}.model.json', 'w'), indent=2); open(f'{dst}/mailgun/{name}.model.json','a').write('\n')

os.makedirs(f'{dst}/leemunroe', exist_ok=True)
shutil.copy(f'{src}/leemunroe/LICENSE', f'{dst}/leemunroe/LICENSE')
html = open(f'{src}/leemunroe/email.html', encoding='utf-8').read()
html = html.replace('Hi there', 'Hi {{ name }}', 1)
html = re.sub(r'<a href="[^"]*"([^>]*)>Call To Action</a>', r'<a href="{{ action_url }}"\1>{{ action_label }}</a>', html, count=1)
open(f'{dst}/leemunroe/email.sbn-html', 'w', encoding='utf-8').write(html)
json.dump({'name': 'Ann Lee', 'action_url': 'https://example.com/start?id=42&ref=mail', 'action_label': 'Get started'}, open(f'{dst}/leemunroe/email.model.json', 'w'), indent=2)
