#!/usr/bin/env python3
"""scripts/check-layers.py [BUILD_DIR] -- check that src/ keeps its layers.

The layers and what each may use are written once, in src/LAYERS (CMake
builds the libraries from the same file). This refuses:
  - a .c file directly in src/ other than main.c;
  - an #include "x.h" of a header that is not in the file's own layer or in
    a layer it uses (directly or through the layers those use);
  - a cycle of includes between headers;
  - with BUILD_DIR (the CMake build): a call from one object file to a
    function of a layer it does not use, and a cycle of calls between files;
  - a source file of more than MAX_LINES lines.
Prints one line per problem as FILE:LINE: message, and exits 1 if any.
"""
import os
import re
import subprocess
import sys

MAX_LINES = 600
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
problems = []


def problem(path, line, msg):
    problems.append("%s:%d: %s" % (os.path.relpath(path, ROOT), line, msg))


def read_layers():
    order, uses = [], {}
    path = os.path.join(SRC, "LAYERS")
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            m = re.match(r"^([a-z]+)\s*:([^|]*)\|", line)
            if not m:
                continue
            layer, deps = m.group(1), m.group(2).split()
            for d in deps:
                if d not in uses:
                    problem(path, n, "layer %s uses %s, which is not listed above it" % (layer, d))
            closure = set(deps)
            for d in deps:
                closure |= uses.get(d, set())
            order.append(layer)
            uses[layer] = closure
    return order, uses


def main():
    order, uses = read_layers()
    for name in sorted(os.listdir(SRC)):
        p = os.path.join(SRC, name)
        if os.path.isfile(p) and name.endswith(".c") and name != "main.c":
            problem(p, 1, "a source file directly in src/: put it in its layer's folder")
        if os.path.isdir(p) and name not in uses:
            problem(p, 1, "folder %s is not a layer of src/LAYERS" % name)
    header_layer, files = {}, []
    for layer in order:
        d = os.path.join(SRC, layer)
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if name.endswith((".c", ".h")):
                files.append((layer, name))
                if name.endswith(".h"):
                    if name in header_layer:
                        problem(os.path.join(d, name), 1, "header name also in src/%s/" % header_layer[name])
                    header_layer[name] = layer
    includes = {}                      # module -> set of modules it includes
    for layer, name in files:
        path = os.path.join(SRC, layer, name)
        module = layer + "/" + name
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if len(lines) - 1 > MAX_LINES:
            problem(path, MAX_LINES + 1, "%d lines: more than %d, split it by what it does" % (len(lines) - 1, MAX_LINES))
        for n, text in enumerate(lines, 1):
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', text)
            if not m:
                continue
            h = m.group(1)
            if h not in header_layer:
                problem(path, n, 'includes "%s", which no layer of src/ has' % h)
                continue
            hl = header_layer[h]
            if hl != layer and hl not in uses[layer]:
                problem(path, n, 'includes "%s" of layer %s, which layer %s does not use (src/LAYERS)' % (h, hl, layer))
            target = hl + "/" + h
            if target != module:
                includes.setdefault(module, set()).add(target)
    for cycle in cycles(includes):
        problem(os.path.join(SRC, cycle[0]), 1, "include cycle: " + " -> ".join(cycle + [cycle[0]]))
    if len(sys.argv) > 1:
        check_objects(sys.argv[1], order, uses)
    for p in problems:
        print(p)
    if problems:
        print("check-layers: %d problem%s" % (len(problems), "" if len(problems) == 1 else "s"))
        return 1
    print("check-layers: %d files in %d layers, no upward include or call, no cycle" % (len(files), len(order)))
    return 0


def check_objects(build, order, uses):
    """Calls between object files, from nm: a layer calls only layers it uses; no call cycle."""
    defined, undefined = {}, {}
    for layer in order:
        d = os.path.join(build, "CMakeFiles", "parindex_%s.dir" % layer, "src", layer)
        if not os.path.isdir(d):
            problem(os.path.join(SRC, layer), 1, "no objects in %s: build first" % d)
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(".c.o"):
                continue
            module = layer + "/" + name[:-4]
            out = subprocess.run(["nm", os.path.join(d, name)], capture_output=True, text=True, check=True).stdout
            for line in out.splitlines():
                parts = line.split()
                if len(parts) == 3 and parts[1] in "TDBR":
                    defined[parts[2]] = module
                elif len(parts) == 2 and parts[0] == "U":
                    undefined.setdefault(module, set()).add(parts[1])
    calls = {}
    for module, syms in undefined.items():
        layer = module.split("/")[0]
        for sym in syms:
            target = defined.get(sym)
            if not target or target == module:
                continue
            tl = target.split("/")[0]
            if tl != layer and tl not in uses[layer]:
                problem(os.path.join(SRC, module + ".c"), 1,
                        "calls %s() of %s.c, a layer that %s does not use" % (sym, target, layer))
            calls.setdefault(module, set()).add(target)
    for cycle in cycles(calls):
        problem(os.path.join(SRC, cycle[0] + ".c"), 1, "call cycle between files: " + " -> ".join(cycle + [cycle[0]]))


def cycles(graph):
    """One cycle per strongly connected component of more than one node (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(path_in(graph, sorted(comp)))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def path_in(graph, comp):
    """A cycle through comp[0] inside the component, for the message."""
    members, start = set(comp), comp[0]
    prev, queue = {start: None}, [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph.get(v, ())):
            if w == start:
                path = [v]
                while prev[path[-1]] is not None:
                    path.append(prev[path[-1]])
                return list(reversed(path))
            if w in members and w not in prev:
                prev[w] = v
                queue.append(w)
    return comp


if __name__ == "__main__":
    sys.exit(main())
