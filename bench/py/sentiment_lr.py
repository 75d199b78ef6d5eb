"""
Reference for text.sentiment's labels mode: scikit-learn LogisticRegression(class_weight="balanced")
on TF-IDF word 1-2-grams + character 2-5-grams (char_wb), sublinear tf.

  /usr/bin/python3 bench/py/sentiment_lr.py [set ...] [--json] [--split FILE]

--split FILE: a JSON {"train": [row, ...], "test": [row, ...]} of row numbers (file order) to use
instead of scikit-learn's own seeded split, so `npm run bench` scores both sides on the same rows.

Sets (read from ../shared/data):
  crowdflower  3-class tweets (positive / negative / no emotion; "I can't tell" dropped), latin1;
               taught with a stratified seeded 20% of rows (seed 42), scored on the other 80%.
  uit_visfd    Vietnamese 3-class: Train -> Test; label from GENERAL aspect polarity, else stars 4-5/3/1-2.
  complaints   complaint 1/0 tweets; stratified seeded 20% train / 80% test (seed 42).
Prints accuracy, macro-F1, weighted-F1 and train time (fit, including vectorising) per set.
"""
import csv, json, os, re, sys, time

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get('SHARED_DATA') or os.path.abspath(os.path.join(HERE, '..', '..', '..', 'shared', 'data'))
SEED = 42


def crowdflower():
    path = os.path.join(DATA, 'crowdflower_brands_product_emotions', 'judge-1377884607_tweet_product_company.csv')
    names = {'Positive emotion': 'positive', 'Negative emotion': 'negative', 'No emotion toward brand or product': 'neutral'}
    texts, labels = [], []
    with open(path, encoding='latin1', newline='') as f:
        for row in csv.DictReader(f):
            lab = names.get(row['is_there_an_emotion_directed_at_a_brand_or_product'])
            if lab is None or not row['tweet_text']:
                continue
            texts.append(row['tweet_text']); labels.append(lab)
    return texts, labels


def uit(split):
    texts, labels = [], []
    with open(os.path.join(DATA, 'uit_visfd', split + '.csv'), encoding='utf8', newline='') as f:
        for row in csv.DictReader(f):
            m = re.search(r'\{GENERAL#(Positive|Negative|Neutral)\}', row.get('label') or '')
            if m:
                lab = m.group(1).lower()
            else:
                s = float(row['n_star'])
                lab = 'positive' if s >= 4 else 'negative' if s <= 2 else 'neutral'
            texts.append(row['comment']); labels.append(lab)
    return texts, labels


def complaints():
    texts, labels = [], []
    with open(os.path.join(DATA, 'complaints_tweets_acl2019', 'complaints-data.csv'), encoding='utf8', newline='') as f:
        for row in csv.DictReader(f):
            texts.append(row['text']); labels.append(row['complaint'])
    return texts, labels


def split20(texts, labels):
    tr_x, te_x, tr_y, te_y = train_test_split(texts, labels, train_size=0.2, stratify=labels, random_state=SEED)
    return tr_x, tr_y, te_x, te_y


def fit_predict(tr_x, tr_y, te_x):
    t0 = time.perf_counter()
    word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
    char = TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), sublinear_tf=True, min_df=1)
    X = hstack([word.fit_transform(tr_x), char.fit_transform(tr_x)]).tocsr()
    clf = LogisticRegression(class_weight='balanced', max_iter=1000)
    clf.fit(X, tr_y)
    ms = (time.perf_counter() - t0) * 1000
    Xt = hstack([word.transform(te_x), char.transform(te_x)]).tocsr()
    return clf.predict(Xt), ms


def given_split(texts, labels, path):
    with open(path) as f:
        sp = json.load(f)
    pick = lambda rows, xs: [xs[i] for i in rows]
    return pick(sp['train'], texts), pick(sp['train'], labels), pick(sp['test'], texts), pick(sp['test'], labels)


def run(name, split=None):
    loaders = {'crowdflower': crowdflower, 'complaints': complaints}
    if split and name in loaders:
        tr_x, tr_y, te_x, te_y = given_split(*loaders[name](), split)
    elif name == 'crowdflower':
        tr_x, tr_y, te_x, te_y = split20(*crowdflower())
    elif name == 'uit_visfd':
        (tr_x, tr_y), (te_x, te_y) = uit('Train'), uit('Test')
    elif name == 'complaints':
        tr_x, tr_y, te_x, te_y = split20(*complaints())
    else:
        raise SystemExit('unknown set ' + name)
    t0 = time.perf_counter()
    pred, ms = fit_predict(tr_x, tr_y, te_x)
    total = (time.perf_counter() - t0) * 1000
    return {
        'ms': total,
        'set': name, 'train': len(tr_x), 'test': len(te_x), 'trainMs': ms,
        'accuracy': accuracy_score(te_y, pred), 'macroF1': f1_score(te_y, pred, average='macro'),
        'weightedF1': f1_score(te_y, pred, average='weighted'),
    }


if __name__ == '__main__':
    argv = sys.argv[1:]
    split = None
    if '--split' in argv:
        at = argv.index('--split'); split = argv[at + 1]; del argv[at:at + 2]
    args = [a for a in argv if not a.startswith('--')]
    out = [run(s, split) for s in (args or ['crowdflower', 'uit_visfd', 'complaints'])]
    if '--json' in sys.argv:
        print(json.dumps(out))
    else:
        for r in out:
            print('%-12s train %5d test %5d  acc %.3f  macro-F1 %.3f  weighted-F1 %.3f  fit %.0f ms' % (
                r['set'], r['train'], r['test'], r['accuracy'], r['macroF1'], r['weightedF1'], r['trainMs']))
