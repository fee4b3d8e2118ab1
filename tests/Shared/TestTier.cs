namespace Dossier.Tests.Shared;

/// <summary>
/// The test tiers, as the xUnit trait <c>[Trait(TestTier.Name, TestTier.Integration)]</c> on a class.
/// <c>./test.sh</c> runs every tier (CI does); <c>./test.sh --fast</c> runs what is not marked, with
/// <c>--filter "Tier!=Integration"</c>, so these two strings are written here and in test.sh only.
/// Mark a class Integration when it kills or starts real processes it must wait for, drives a
/// browser, starts a PostgreSQL server, or measures against <c>../shared/data</c>; everything else
/// (unit tests, the CLI and the web API in-process, golden files, property tests) is the fast tier,
/// which is meant to take under three minutes on a 2-core machine.
/// </summary>
internal static class TestTier
{
    /// <summary>The trait's name, as <c>dotnet test --filter</c> reads it.</summary>
    public const string Name = "Tier";

    /// <summary>Slow or needing more than the SDK: run by <c>./test.sh</c>, left out by <c>./test.sh --fast</c>.</summary>
    public const string Integration = "Integration";
}
