using System.Text.RegularExpressions;

namespace Dossier.Ingest;

/// <summary>One input the user named, expanded: a file path, or <c>-</c> for standard input.</summary>
public sealed record InputFile(string Path, bool IsStandardInput)
{
    public static InputFile StandardInput { get; } = new("-", true);
}

/// <summary>A path expanded to a file, or refused with a reason.</summary>
public abstract record ExpandOutcome
{
    public sealed record File(InputFile Input) : ExpandOutcome;

    public sealed record Refused(string Path, string Reason) : ExpandOutcome;
}

/// <summary>
/// Turns what a user typed into files: files as they are, folders recursively (hidden folders such as
/// .git skipped), globs with <c>*</c>, <c>**</c> and <c>?</c>, and <c>-</c> for standard input. Files are
/// listed in ordinal order, so two runs read the same files in the same order.
/// </summary>
public static class InputExpander
{
    public static IEnumerable<ExpandOutcome> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var outcome in ExpandOne(path))
            {
                if (outcome is ExpandOutcome.File file && !file.Input.IsStandardInput && !seen.Add(System.IO.Path.GetFullPath(file.Input.Path)))
                {
                    continue; // named twice (a folder and a file in it): read once
                }

                yield return outcome;
            }
        }
    }

    private static IEnumerable<ExpandOutcome> ExpandOne(string path)
    {
        if (path == "-")
        {
            return [new ExpandOutcome.File(InputFile.StandardInput)];
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            return [new ExpandOutcome.Refused(path, "empty path")];
        }

        if (File.Exists(path))
        {
            return [new ExpandOutcome.File(new InputFile(path, false))];
        }

        if (Directory.Exists(path))
        {
            return Folder(path);
        }

        if (path.IndexOfAny(['*', '?']) >= 0)
        {
            return Glob(path);
        }

        // A dangling link or a file that vanished between listing and reading still gets its own line.
        return new FileInfo(path).LinkTarget is not null
            ? [new ExpandOutcome.File(new InputFile(path, false))]
            : [new ExpandOutcome.Refused(path, "no such file or folder")];
    }

    private static IEnumerable<ExpandOutcome> Folder(string folder)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        var refusals = new List<ExpandOutcome>();
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            try
            {
                foreach (var entry in new DirectoryInfo(current).EnumerateFileSystemInfos())
                {
                    if (entry.Name.StartsWith('.'))
                    {
                        continue;
                    }

                    if (entry is DirectoryInfo directory)
                    {
                        // Linked folders are not followed: a link back up the tree would never end.
                        if (directory.LinkTarget is null)
                        {
                            pending.Push(System.IO.Path.Combine(current, entry.Name));
                        }
                    }
                    else
                    {
                        files.Add(System.IO.Path.Combine(current, entry.Name));
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                refusals.Add(new ExpandOutcome.Refused(current, $"cannot list folder: {exception.Message}"));
            }
        }

        files.Sort(StringComparer.Ordinal);
        if (files.Count == 0 && refusals.Count == 0)
        {
            refusals.Add(new ExpandOutcome.Refused(folder, "folder has no files"));
        }

        return refusals.Concat(files.Select(f => (ExpandOutcome)new ExpandOutcome.File(new InputFile(f, false))));
    }

    private static IEnumerable<ExpandOutcome> Glob(string pattern)
    {
        // The folder before the first wildcard is where the walk starts.
        var normalized = pattern.Replace('\\', '/');
        var firstWildcard = normalized.IndexOfAny(['*', '?']);
        var lastSlash = normalized.LastIndexOf('/', firstWildcard);
        var root = lastSlash < 0 ? "." : lastSlash == 0 ? "/" : normalized[..lastSlash];
        var relativePattern = normalized[(lastSlash + 1)..];
        if (!Directory.Exists(root))
        {
            return [new ExpandOutcome.Refused(pattern, "no such file or folder")];
        }

        var regex = new Regex("^" + GlobToRegex(relativePattern) + "$", RegexOptions.CultureInvariant);
        var matches = new List<ExpandOutcome>();
        foreach (var outcome in Folder(root))
        {
            if (outcome is not ExpandOutcome.File file)
            {
                continue;
            }

            var relative = System.IO.Path.GetRelativePath(root, file.Input.Path).Replace('\\', '/');
            if (regex.IsMatch(relative))
            {
                matches.Add(outcome);
            }
        }

        return matches.Count > 0 ? matches : [new ExpandOutcome.Refused(pattern, "no file matches this pattern")];
    }

    private static string GlobToRegex(string glob)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" matches any number of folders, including none.
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                builder.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        return builder.ToString();
    }
}
