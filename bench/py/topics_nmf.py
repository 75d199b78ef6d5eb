"""
Reference for text.topics: scikit-learn TfidfVectorizer (word 1-2-grams, min_df=2, max_df=0.5,
max_features=5000, our EN+VI stop words) + NMF(k, init="nndsvda", solver="cd") on the texts of a
file (one JSON list of strings). Prints the time of vectorising + fitting, and the error.
"""
import json, time

from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer


def run(path, k, stop_path):
    with open(path, encoding='utf8') as f:
        texts = json.load(f)
    with open(stop_path, encoding='utf8') as f:
        stop = json.load(f)
    t0 = time.perf_counter()
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_df=0.5, max_features=5000, stop_words=stop)
    X = vec.fit_transform(texts)
    t1 = time.perf_counter()
    m = NMF(n_components=k, init='nndsvda', solver='cd', max_iter=200, tol=1e-4, random_state=0)
    m.fit_transform(X)
    t2 = time.perf_counter()
    return {'ms': (t2 - t0) * 1000, 'vectorizeMs': (t1 - t0) * 1000, 'fitMs': (t2 - t1) * 1000, 'rounds': int(m.n_iter_),
            'error': float(m.reconstruction_err_), 'terms': X.shape[1], 'texts': X.shape[0]}
