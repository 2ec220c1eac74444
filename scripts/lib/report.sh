# Replaces the section between `<!-- NAME:start -->` and `<!-- NAME:end -->` of
# docs/performance.md with standard input, adding the section at the end if it is new.
# Each report (bundle size, schedule benchmark) owns its section and leaves the rest alone.
write_report_section() { # NAME
  local name=$1 file="$ROOT/docs/performance.md" body
  body=$(cat)
  [ -f "$file" ] || printf '# Performance\n\nFigures are written by the scripts named in each section; do not edit them by hand.\n' >"$file"
  if ! grep -q "<!-- $name:start -->" "$file"; then
    printf '\n<!-- %s:start -->\n<!-- %s:end -->\n' "$name" "$name" >>"$file"
  fi
  BODY="$body" awk -v start="<!-- $name:start -->" -v end="<!-- $name:end -->" '
    $0 == start { print; print ENVIRON["BODY"]; skipping = 1; next }
    $0 == end { skipping = 0 }
    !skipping { print }
  ' "$file" >"$file.new" && mv "$file.new" "$file"
}
