using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Dossier.Cli.Tests;

/// <summary>
/// README.md and docs/*.md are what readers copy commands from and follow links in. Every
/// <c>dossier</c> command written in them is parsed by the real command tree (an option renamed or
/// removed fails here, naming the file and line), and every relative link must reach a file that
/// exists and, when it names a section, a heading of that file.
/// </summary>
public sealed partial class DocumentationTests
{
    // How a command line is written in the docs: the program, then its arguments.
    private static readonly string[] Programs =
    [
        "dossier ",
        "$D ",
        "dotnet run --project src/Dossier.Cli -- ",
        "dotnet run -c Release --project src/Dossier.Cli -- ",
        "dotnet src/Dossier.Cli/bin/Release/net10.0/dossier.dll ",
        "src/Dossier.Cli/bin/Release/net10.0/dossier ",
    ];

    [Fact]
    public void Every_documented_dossier_command_parses_with_the_real_command_tree()
    {
        var root = DossierCli.Build(new CliEnvironment
        {
            Out = TextWriter.Null,
            Error = TextWriter.Null,
            OpenStandardInput = () => Stream.Null,
            IsInteractive = false,
        });
        var commands = DocumentedCommands().ToList();
        var problems = new List<string>();
        foreach (var (where, line, arguments) in commands)
        {
            var errors = root.Parse(arguments).Errors;
            if (errors.Count > 0)
            {
                problems.Add($"{where}: {line}\n    {string.Join("; ", errors.Select(e => e.Message))}");
            }
        }

        // The tour and the task pages hold far more than this; fewer means the commands were no longer found.
        Assert.True(commands.Count >= 60, $"only {commands.Count} dossier commands found in README.md and docs/");
        Assert.True(problems.Count == 0, "documented commands the CLI does not accept:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Every_relative_link_in_the_docs_reaches_a_file_and_heading_that_exist()
    {
        var problems = new List<string>();
        var links = 0;
        foreach (var file in DocumentationFiles())
        {
            var text = File.ReadAllText(file);
            foreach (Match link in LinkPattern().Matches(text))
            {
                var target = link.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                links++;
                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var path = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? null : target[(hash + 1)..];
                var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
                var where = $"{Relative(file)}: ({target})";
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    problems.Add($"{where}: {Relative(resolved)} does not exist");
                }
                else if (anchor is not null && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(resolved)).Contains(anchor))
                {
                    problems.Add($"{where}: {Relative(resolved)} has no heading #{anchor}");
                }
            }
        }

        Assert.True(links >= 40, $"only {links} relative links found in README.md and docs/");
        Assert.True(problems.Count == 0, "broken links:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Anchors_are_made_from_headings_as_github_makes_them()
    {
        var anchors = Anchors("# The `dossier` command\n## Claims, events and ties\n### Who said what (PolNeAR)\n## Tests\n## Tests\n```\n# not a heading\n```\n");

        string[] expected = ["the-dossier-command", "claims-events-and-ties", "who-said-what-polnear", "tests", "tests-1"];
        Assert.True(anchors.SetEquals(expected), string.Join(", ", anchors));
    }

    [Fact]
    public void A_command_is_read_from_a_code_line_without_its_trailing_note_and_with_its_quotes()
    {
        var found = CommandsIn("x.md", "Text `dossier stats` and a [link](a.md).\n\n    dossier ingest 'news/**/*.html' --db \"my store.db\"      a glob and a store\n    $ dossier actors --top 5\n    cat a.jsonl | dossier ingest -\n");

        string[][] expected = [["ingest", "news/**/*.html", "--db", "my store.db"], ["actors", "--top", "5"], ["ingest", "-"]];
        Assert.Equal(expected, found.Select(c => c.Arguments).ToArray());
    }

    private static IEnumerable<(string Where, string Line, string[] Arguments)> DocumentedCommands() =>
        DocumentationFiles().SelectMany(file => CommandsIn(Relative(file), File.ReadAllText(file)));

    /// <summary>
    /// The dossier commands on the code lines of one Markdown text: lines of fenced blocks and lines
    /// indented four spaces or more. Prose and inline code are left alone, since they name commands
    /// with placeholders ("dossier show NAME"). A note after three or more spaces is not part of the
    /// command; a command after a pipe is.
    /// </summary>
    private static IEnumerable<(string Where, string Line, string[] Arguments)> CommandsIn(string name, string text)
    {
        var fenced = false;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced && !line.StartsWith("    ", StringComparison.Ordinal))
            {
                continue;
            }

            var code = NoteAfterSpaces().Split(line.Trim(), 2)[0];
            foreach (var part in code.Split(" | "))
            {
                var command = part.Trim();
                if (command.StartsWith("$ ", StringComparison.Ordinal))
                {
                    command = command[2..];
                }

                var program = Programs.FirstOrDefault(p => command.StartsWith(p, StringComparison.Ordinal));
                if (program is not null)
                {
                    yield return (string.Create(CultureInfo.InvariantCulture, $"{name}:{i + 1}"), command, ShellWords(command[program.Length..]));
                }
            }
        }
    }

    /// <summary>Splits as a POSIX shell would for the docs' needs: spaces, single and double quotes.</summary>
    private static string[] ShellWords(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }

    /// <summary>The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            var heading = fenced ? null : HeadingPattern().Match(line) is { Success: true } match ? match.Groups[1].Value : null;
            if (heading is null)
            {
                continue;
            }

            var slug = new string([.. heading.Trim().ToLowerInvariant()
                .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')
                .Select(c => c == ' ' ? '-' : c)]);
            var anchor = slug;
            for (var n = 1; !anchors.Add(anchor); n++)
            {
                anchor = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
            }
        }

        return anchors;
    }

    private static IEnumerable<string> DocumentationFiles()
    {
        var repository = Repository();
        yield return Path.Combine(repository, "README.md");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(repository, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            yield return file;
        }
    }

    private static string Relative(string path) => Path.GetRelativePath(Repository(), path);

    // This file is tests/Dossier.Cli.Tests/DocumentationTests.cs: the repository is two folders up.
    private static string Repository([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    [GeneratedRegex(@"!?\[[^\]]*\]\(([^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\s{3,}")]
    private static partial Regex NoteAfterSpaces();
}
