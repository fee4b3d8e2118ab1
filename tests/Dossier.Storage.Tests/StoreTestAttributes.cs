using Dossier.Tests.Shared;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Dossier.Storage.Tests;

/// <summary>
/// A contract test: run for every backend, and skipped for the PostgreSQL backend when
/// <c>DOSSIER_TEST_POSTGRES=skip</c>. The contract's tests are inherited, so a plain [Fact] cannot
/// know which backend's class it runs in; the discoverer asks the class.
/// </summary>
[XunitTestCaseDiscoverer("Dossier.Storage.Tests.StoreFactDiscoverer", "Dossier.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>A contract theory, skipped like <see cref="StoreFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("Dossier.Storage.Tests.StoreTheoryDiscoverer", "Dossier.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : TheoryAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        StoreSkip.Of(testMethod) is { } reason
            ? [StoreSkip.Case(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        StoreSkip.Of(testMethod) is { } reason
            ? [StoreSkip.Case(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class StoreSkip
{
    public static string? Of(ITestMethod testMethod) =>
        testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsPostgresAttribute)).Any() ? PostgresServer.SkipReason : null;

    public static IXunitTestCase Case(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, string reason) =>
        new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason);
}
