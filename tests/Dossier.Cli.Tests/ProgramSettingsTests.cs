using System.Text.Json;

namespace Dossier.Cli.Tests;

/// <summary>The runtime settings the <c>dossier</c> program ships with (its runtimeconfig.json).</summary>
public sealed class ProgramSettingsTests
{
    [Fact]
    public void The_dossier_program_compiles_its_methods_optimized_at_their_first_call()
    {
        // Copied beside the tests from the program's build, as it is beside dossier.dll.
        var path = Path.Combine(AppContext.BaseDirectory, "dossier.runtimeconfig.json");
        Assert.True(File.Exists(path), $"{path} is missing");
        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation.QuickJit").GetBoolean());
        Assert.False(properties.TryGetProperty("System.Runtime.TieredCompilation", out var tiered) && tiered.ValueKind == JsonValueKind.False,
            "tiered compilation itself stays on, so the framework's precompiled code is still optimized when hot");
    }
}
