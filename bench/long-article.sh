#!/usr/bin/env bash
# Long documents: the CPU time of `dossier ingest` (read, clean, store, annotate, link, facts) on one
# article of each size given (in words, default 10000 50000 100000), made of the sample articles'
# clean sentences shuffled, and on the same sentences cut into 800-word articles, so the cost per
# word of a long report can be set against that of ordinary articles. One thread (--jobs 1).
#   bench/long-article.sh [WORDS...]      needs python3 (with its sqlite3 module) and GNU time
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 50000 100000}")
sizes=(${sizes[*]})
dotnet build -c Release src/Dossier.Cli >/dev/null
dossier=src/Dossier.Cli/bin/Release/net10.0/dossier
work=$(mktemp -d /tmp/dossier-long.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The sentences of the five sample articles as Dossier cleans them (no teasers, comments or bylines).
"$dossier" ingest samples/libya/*.txt --db "$work/sample.db" --no-link >/dev/null 2>&1
python3 - "$work" "${sizes[@]}" <<'PY'
import random, re, sqlite3, sys, os
work, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
text = "\n".join(row[0] for row in sqlite3.connect(os.path.join(work, "sample.db")).execute("SELECT clean_text FROM articles ORDER BY id"))
sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 4]
for size in sizes:
    rng, paragraphs, paragraph, words = random.Random(size), [], [], 0
    while words < size:
        sentence = rng.choice(sentences)
        paragraph.append(sentence)
        words += len(sentence.split())
        if len(paragraph) == 5:
            paragraphs.append(" ".join(paragraph)); paragraph = []
    paragraphs += [" ".join(paragraph)] if paragraph else []
    with open(os.path.join(work, f"long-{size}.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(paragraphs) + "\n")
    # The same paragraphs as articles of about 800 words, each with a title line of its own.
    folder = os.path.join(work, f"short-{size}"); os.makedirs(folder)
    article, count, n = [], 0, 0
    for p in paragraphs + [None]:
        if p is None or count >= 800:
            if article:
                with open(os.path.join(folder, f"{n:05}.txt"), "w", encoding="utf-8") as f:
                    f.write(f"Report {n} from the front\n\n" + "\n\n".join(article) + "\n")
                n += 1
            article, count = [], 0
        if p is not None:
            article.append(p); count += len(p.split())
PY

run() { # prints user+system seconds and peak MB of one ingest
  rm -f "$work/x.db"*
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$dossier" ingest "$1" --db "$work/x.db" --jobs 1 --max-article-words 1000000 >/dev/null 2>&1
  read -r user system peak < "$work/time"
  echo "$user $system $peak"
}
echo "| words | one article: CPU s | s per 10k words | peak MB | as 800-word articles: CPU s | s per 10k words | ratio |"
echo "|---|---|---|---|---|---|---|"
for size in "${sizes[@]}"; do
  read -r lu ls lm < <(run "$work/long-$size.txt")
  read -r su ss sm < <(run "$work/short-$size")
  python3 -c "
w=$size; l=$lu+$ls; s=$su+$ss
print(f'| {w:,} | {l:.1f} | {l/w*1e4:.2f} | {$lm//1024:,} | {s:.1f} | {s/w*1e4:.2f} | {l/s:.2f}x |')"
done
