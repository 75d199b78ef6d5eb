#!/usr/bin/env python3
"""Runs a chain of Audience Flow nodes on a Dask cluster, partition by partition.

    python3 bin/audience_flow_dask.py FLOW.flow.json INPUT.arrow OUT.arrow
        [--partitions N] [--workers N] [--scheduler tcp://HOST:8786]

FLOW is a linear chain: the nodes after its ingest.file node, each with one table in and out.
INPUT is that node's rows as an Arrow IPC file (e.g. `audience-flow run … --format arrow`).
Every task runs our own node code in a Node process, `audience-flow kernel NODE_TYPE --params
JSON`, with Arrow IPC in and out (Python never decodes the bytes: no pyarrow needed). How a node's
partitions are combined follows its `scale` rule (asked with `audience-flow kernel scale`):
  rows      each partition alone; the outputs one after another, in partition order;
  {key: C}  every partition is split by a hash of column C, the pieces of one hash meet in one
            task (a shuffle), then each runs alone: the rows of one key are together;
  reduce    treated as whole here (partial results are not combined yet);
  whole     every partition is gathered into one task.
Without --scheduler a LocalCluster of --workers processes (default 2) runs on this machine.
Exit codes: 0 done; 1 a node failed (the message names the node and the partition).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = [os.environ.get("AUDIENCE_FLOW_NODE", "node"), os.path.join(ROOT, "bin", "audience-flow.mjs"), "kernel"]


def kernel(args, inputs=()):
    """Runs `audience-flow kernel ARGS` with the given IPC byte strings as --in files; returns stdout bytes."""
    with tempfile.TemporaryDirectory(prefix="af-dask-") as tmp:
        files = []
        for i, data in enumerate(inputs):
            path = os.path.join(tmp, f"in{i}.arrow")
            with open(path, "wb") as f:
                f.write(data)
            files += ["--in", path]
        done = subprocess.run(CLI + list(args) + files, capture_output=True, cwd=ROOT)
        if done.returncode != 0:
            raise RuntimeError(done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}")
        return done.stdout


def split(data, parts, by=None):
    """One IPC byte string cut into `parts` (contiguous, or by a hash of column `by`)."""
    with tempfile.TemporaryDirectory(prefix="af-dask-") as tmp:
        src = os.path.join(tmp, "in.arrow")
        with open(src, "wb") as f:
            f.write(data)
        prefix = os.path.join(tmp, "part")
        args = ["split", "--parts", str(parts), "--out", prefix, "--in", src] + (["--by", by] if by else [])
        done = subprocess.run(CLI + args, capture_output=True, cwd=ROOT)
        if done.returncode != 0:
            raise RuntimeError(done.stderr.decode("utf-8", "replace").strip())
        out = []
        for p in range(parts):
            with open(f"{prefix}.{p}.arrow", "rb") as f:
                out.append(f.read())
        return out


def run_node(node, index, pieces):
    """One node on one partition (its pieces one after another); the message names both."""
    try:
        return kernel([node["type"], "--params", json.dumps(node.get("params", {}))], pieces)
    except RuntimeError as error:
        raise RuntimeError(f'node "{node["id"]}" ({node["type"]}), partition {index}: {error}') from None


def chain_of(flow):
    """The nodes after the flow's ingest.file node, in edge order (a linear chain)."""
    nodes = {n["id"]: n for n in flow["nodes"]}
    nxt = {e["from"].split(".")[0]: e["to"].split(".")[0] for e in flow["edges"]}
    start = [n["id"] for n in flow["nodes"] if n["type"] == "ingest.file"]
    if len(start) != 1:
        raise SystemExit("the flow needs exactly one ingest.file node")
    out, at = [], start[0]
    while at in nxt:
        at = nxt[at]
        out.append(nodes[at])
    return out


def scale_of(node):
    done = kernel(["scale", node["type"], "--params", json.dumps(node.get("params", {}))])
    return json.loads(done)


def run_flow(client, flow, data, partitions):
    parts = [client.scatter(p) for p in split(data, partitions)]
    for node in chain_of(flow):
        rule = scale_of(node)
        if rule == "rows":
            parts = [client.submit(run_node, node, i, [p], retries=2, pure=False) for i, p in enumerate(parts)]
        elif isinstance(rule, dict) and isinstance(rule.get("key"), str) and rule["key"]:
            pieces = [client.submit(split, p, partitions, rule["key"], retries=2, pure=False) for p in parts]
            buckets = [[client.submit(lambda s, j=j: s[j], s, pure=False) for s in pieces] for j in range(partitions)]
            parts = [client.submit(lambda *b, i=i: run_node(node, i, list(b)), *b, retries=2, pure=False) for i, b in enumerate(buckets)]
        else:  # reduce (not combined yet), whole, or a key of several columns: every row in one task
            parts = [client.submit(lambda *b: run_node(node, 0, list(b)), *parts, retries=2, pure=False)]
    results = client.gather(parts)
    return kernel_concat(results)


def kernel_concat(results):
    """The partitions' outputs one after another, as one IPC stream."""
    if len(results) == 1:
        return results[0]
    return kernel(["concat"], results)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("flow")
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--partitions", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler")
    args = parser.parse_args(argv)
    from dask.distributed import Client, LocalCluster

    with open(args.flow, encoding="utf-8") as f:
        flow = json.load(f)
    with open(args.input, "rb") as f:
        data = f.read()
    if args.scheduler:
        client = Client(args.scheduler, timeout="10s")
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        out = run_flow(client, flow, data, args.partitions)
    except RuntimeError as error:
        print(f"audience_flow_dask: {error}", file=sys.stderr)
        return 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    with open(args.output, "wb") as f:
        f.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
