using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Dossier.Core.Tests;

/// <summary>
/// The project references of <c>src/</c> against the graph drawn in <c>docs/architecture.md</c>
/// ("Project graph"): a reference that turns the data flow back (Actors on Facts, a stage on the
/// worker that runs it) fails here, and so does a drawing that no longer shows the projects as they are.
/// </summary>
public sealed partial class ProjectGraphTests
{
    private const string Heading = "## Project graph";

    [Fact]
    public void Every_project_in_src_has_a_layer_in_the_drawn_graph()
    {
        Assert.Equal(Drawn().Keys.Order(StringComparer.Ordinal), Referenced().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_project_reference_in_src_is_drawn_in_the_graph()
    {
        var drawn = Drawn();
        var undrawn = Referenced().SelectMany(p => p.Value.Where(to => !drawn.TryGetValue(p.Key, out var node) || !node.References.Contains(to))
            .Select(to => $"{p.Key} -> {to}")).ToList();

        Assert.True(undrawn.Count == 0, $"references not in the project graph of docs/architecture.md: {string.Join("; ", undrawn)}");
    }

    [Fact]
    public void Every_reference_drawn_in_the_graph_is_made_by_its_project_file()
    {
        var referenced = Referenced();
        var unmade = Drawn().SelectMany(p => p.Value.References.Where(to => !referenced.TryGetValue(p.Key, out var made) || !made.Contains(to))
            .Select(to => $"{p.Key} -> {to}")).ToList();

        Assert.True(unmade.Count == 0, $"drawn in docs/architecture.md but in no project file: {string.Join("; ", unmade)}");
    }

    [Fact]
    public void Every_drawn_reference_points_to_a_lower_layer()
    {
        var drawn = Drawn();
        var upward = drawn.SelectMany(p => p.Value.References.Where(to => !drawn.TryGetValue(to, out var target) || target.Layer >= p.Value.Layer)
            .Select(to => $"{p.Key} -> {to}")).ToList();

        Assert.True(upward.Count == 0, $"references to a project in the same or a higher layer: {string.Join("; ", upward)}");
    }

    private sealed record Node(int Layer, IReadOnlySet<string> References);

    /// <summary>
    /// The table under the heading: one line a project, <c>layer name references</c>, the references
    /// separated by commas, <c>-</c> for none; names without the <c>Dossier.</c> prefix.
    /// </summary>
    private static Dictionary<string, Node> Drawn()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "architecture.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == Heading);
        Assert.True(start >= 0, $"docs/architecture.md has no \"{Heading}\" section");
        var graph = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).SkipWhile(l => !l.TrimStart().StartsWith("layer ", StringComparison.Ordinal)).Skip(1)
                     .TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal) && l.Trim().Length > 0))
        {
            var row = Row().Match(line);
            Assert.True(row.Success, $"not a row of the project graph: \"{line}\"");
            var (layer, name, list) = (row.Groups["layer"].Value, row.Groups["name"].Value, row.Groups["references"].Value.Trim());
            var references = list == "-" ? [] : list.Split(',', StringSplitOptions.TrimEntries);
            Assert.True(graph.TryAdd(name, new Node(int.Parse(layer, CultureInfo.InvariantCulture), references.ToHashSet(StringComparer.Ordinal))), $"{name} is drawn twice");
        }

        Assert.NotEmpty(graph);
        return graph;
    }

    /// <summary>Each project under <c>src/</c> and the projects its file references, named as in the drawing.</summary>
    private static Dictionary<string, IReadOnlySet<string>> Referenced()
    {
        static string Name(string path) => Path.GetFileNameWithoutExtension(path) is var name && name.StartsWith("Dossier.", StringComparison.Ordinal) ? name["Dossier.".Length..] : name;
        return Directory.GetFiles(Path.Combine(RepositoryRoot(), "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(Name, path => (IReadOnlySet<string>)XDocument.Load(path).Descendants("ProjectReference")
                .Select(r => Name(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')))
                .ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\s+(?<layer>[0-9]+)\s+(?<name>\S+)\s+(?<references>\S.*)$")]
    private static partial Regex Row();

    private static string RepositoryRoot([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
