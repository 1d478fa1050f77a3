"""Build the filing probe corpus (2015-2026 8-K item texts and wire releases) from the marked-up sources: {key:LABEL:text} marks a span;
after '@@' each line 'head LABEL child' names a relation by span keys."""
import json, re, glob, os
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'annotations')
MARK = re.compile(r'\{([^:{}]+):([A-Z]+):([^{}]+)\}')
ids = []
for src in sorted(glob.glob(os.path.join(HERE, 'probes_*.txt'))):
    for block in open(src, encoding='utf-8').read().split('### ')[1:]:
        head, rest = block.split('\n', 1)
        doc_id, company, date = head.strip().split('|')
        body, rels = rest.split('\n@@\n')
        body = body.strip('\n') + '\n'
        text, spans, pos, keys = '', [], 0, {}
        for m in MARK.finditer(body):
            text += body[pos:m.start()]
            start = len(text); text += m.group(3)
            keys[m.group(1)] = len(spans)
            spans.append({'id': len(spans), 'start': start, 'end': len(text), 'label': m.group(2), 'text': m.group(3)})
            pos = m.end()
        text += body[pos:]
        assert len(keys) == len(spans), doc_id
        relations = []
        for line in rels.strip().splitlines():
            h, lab, c = line.split()
            relations.append({'head': keys[h], 'child': keys[c], 'label': lab})
        rec = {'id': doc_id, 'text': text, 'meta': {'company': company, 'date': date, 'kind': 'filing', 'source': 'invented probe (h11_6)'}, 'spans': spans, 'relations': relations}
        with open(os.path.join(OUT, doc_id + '.jsonl'), 'w', encoding='utf-8') as f:
            f.write(json.dumps(rec, ensure_ascii=False) + '\n')
        ids.append(doc_id)
        print(doc_id, len(text.split()), 'words', len(spans), 'spans', len(relations), 'rels')
json.dump({'train': [], 'dev': [], 'test': ids}, open(os.path.join(HERE, '..', 'splits.json'), 'w'), indent=1)
