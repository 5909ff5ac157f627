#!/usr/bin/env bash
# Builds and tests Anole.
#
#   ./build.sh           native + wasm + web
#   ./build.sh native    build/anole, the native CLI
#   ./build.sh wasm      build/anole.mjs + build/anole.wasm, the engine for Node and the browser
#   ./build.sh web       build/web/, the playground bundle
#   ./build.sh serve     builds what is stale, then serves build/web on 127.0.0.1:${PORT:-8000}
#   ./build.sh test      builds everything, then runs every test suite (node tests/run.mjs)
#   ./build.sh bench     runs the benchmarks in tests/bench, if there are any
#
# Each step rebuilds its artifact only when one of its inputs is newer (mtime). On a fresh Debian
# machine the missing tools are installed first (apt-get as root, npm ci for node_modules).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

# Debian's emcc (3.1.6) needs its own node modules to optimize at -O1 and above.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

# The engine's C files: everything in src/ except the two front ends. ANOLE_ENGINE_SOURCES may
# name other files instead, to exercise the front ends against a stand-in engine.
engine_sources() {
    if [[ -n "${ANOLE_ENGINE_SOURCES:-}" ]]; then
        printf '%s\n' $ANOLE_ENGINE_SOURCES
        return
    fi
    local file
    for file in src/*.c; do
        [[ "$file" == src/main.c || "$file" == src/wasm.c ]] && continue
        echo "$file"
    done
}

# Succeeds when target is missing or older than any of the given inputs (files or directories,
# searched recursively).
is_stale() {
    local target="$1"
    shift
    [[ -e "$target" ]] || return 0
    local newer
    newer="$(find "$@" -newer "$target" -print -quit 2>/dev/null || true)"
    [[ -n "$newer" ]]
}

log() {
    echo "build.sh: $*" >&2
}

# Installs missing system packages; only root can, so others get told what is missing.
ensure_packages() {
    local missing=()
    local tool
    for tool in "$@"; do
        case "$tool" in
            emcc) command -v emcc >/dev/null || missing+=(emscripten) ;;
            chromium) command -v chromium >/dev/null || missing+=(chromium) ;;
            gcc) command -v gcc >/dev/null || missing+=(gcc libc6-dev) ;;
            node) command -v node >/dev/null || missing+=(nodejs npm) ;;
        esac
    done
    [[ ${#missing[@]} -eq 0 ]] && return
    if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
        log "installing ${missing[*]}"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
    else
        log "missing packages: ${missing[*]} (install them, e.g. apt-get install ${missing[*]})"
        exit 1
    fi
}

ensure_node_modules() {
    ensure_packages node
    if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
        log "npm ci"
        npm ci
        touch node_modules
    fi
}

build_native() {
    ensure_packages gcc
    local sources=()
    mapfile -t sources < <(engine_sources)
    [[ -e src/main.c ]] && sources+=(src/main.c)
    if is_stale build/anole src build.sh ${ANOLE_ENGINE_SOURCES:+${sources[@]}}; then
        log "native -> build/anole"
        mkdir -p build
        gcc -std=c11 -O3 -Wall -Wextra -Werror -Isrc -o build/anole "${sources[@]}" -lm
    fi
}

# The engine is compiled file by file into build/wasm-obj so that a change to one .c file
# recompiles only that file; a change to any header recompiles everything.
WASM_EXPORTS='["_anole_new","_anole_free","_anole_set_specialize","_anole_set_gc_stress","_anole_set_heap_limit","_anole_heap_bytes","_anole_run","_anole_report_json","_anole_specialist_ansi","_anole_specialist_html","_anole_dis","_anole_stats","_anole_opcodes_json","_anole_wasm_connect_output","_malloc","_free"]'

build_wasm() {
    ensure_packages emcc
    local sources=()
    mapfile -t sources < <(engine_sources)
    sources+=(src/wasm.c)
    mkdir -p build/wasm-obj
    # Every object depends on every header, table and included case file (vm_*.inc).
    local headers=()
    mapfile -t headers < <(find src -name '*.h' -o -name '*.def' -o -name '*.inc')
    local objects=() to_compile=()
    local source object
    for source in "${sources[@]}"; do
        object="build/wasm-obj/$(basename "${source%.c}").o"
        objects+=("$object")
        if is_stale "$object" "$source" "${headers[@]}" build.sh; then
            to_compile+=("$source")
        fi
    done
    if [[ ${#to_compile[@]} -gt 0 ]]; then
        log "emcc: compiling ${#to_compile[@]} file(s)"
        # Warnings are errors for the wasm front end; the engine's own warnings are policed by the
        # native gcc build, since clang warns about different things.
        printf '%s\n' "${to_compile[@]}" | xargs -P "$(nproc)" -I{} sh -c '
            source="$1"; object="build/wasm-obj/$(basename "${source%.c}").o"
            werror=""; [ "$source" = src/wasm.c ] && werror="-Werror"
            exec emcc -std=c11 -O3 -Wall -Wextra $werror -Isrc -c "$source" -o "$object"' sh {}
    fi
    if is_stale build/anole.wasm "${objects[@]}" build.sh || [[ ! -e build/anole.mjs ]]; then
        log "emcc: linking build/anole.mjs + build/anole.wasm"
        # Binaryen inlines every function that has one caller, whatever its size; that put
        # vm_run_cold (src/vm_cold.c says why it is apart) and other cold code back into the
        # evaluation loop, which V8 then took 45 ms instead of 20 to optimize.
        emcc -O3 -o build/anole.mjs "${objects[@]}" \
            -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=200 \
            -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createAnoleModule \
            -sENVIRONMENT=web,worker \
            -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 \
            -sTOTAL_STACK=8388608 -sSTACK_OVERFLOW_CHECK=2 \
            -sFILESYSTEM=0 \
            -sEXPORTED_FUNCTIONS="$WASM_EXPORTS"
        touch build/anole.mjs build/anole.wasm
    fi
}

build_web() {
    ensure_node_modules
    if [[ ! -e build/anole.wasm ]]; then
        build_wasm
    fi
    if is_stale build/web/index.html web build/anole.mjs build/anole.wasm examples package-lock.json build.sh \
            ${ANOLE_EXAMPLES_DIR:+"$ANOLE_EXAMPLES_DIR"}; then
        log "web -> build/web/"
        node web/build.mjs
        touch build/web/index.html
    fi
}

build_all() {
    build_native
    build_wasm
    build_web
}

command="${1:-all}"
case "$command" in
    all) build_all ;;
    native) build_native ;;
    wasm) build_wasm ;;
    web) build_web ;;
    serve)
        build_wasm
        build_web
        exec node web/serve.mjs
        ;;
    test)
        ensure_packages chromium
        build_all
        exec node tests/run.mjs
        ;;
    bench)
        if [[ -e tests/bench/run.mjs ]]; then
            build_native
            build_wasm
            build_web   # the page measurement loads build/web in headless Chromium
            exec node tests/bench/run.mjs "${@:2}"
        elif [[ -d tests/bench ]]; then
            echo "tests/bench has no run.mjs yet; nothing to run."
        else
            echo "There are no benchmarks yet (tests/bench does not exist)."
        fi
        ;;
    -h | --help | help)
        sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
        ;;
    *)
        echo "usage: ./build.sh [native|wasm|web|serve|test|bench]" >&2
        exit 2
        ;;
esac
