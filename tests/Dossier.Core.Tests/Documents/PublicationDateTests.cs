using Dossier.Core.Documents;

namespace Dossier.Core.Tests.Documents;

public sealed class PublicationDateTests
{
    [Theory]
    [InlineData("2019", DatePrecision.Year)]
    [InlineData("2019-04", DatePrecision.Month)]
    [InlineData("2019-04-16", DatePrecision.Day)]
    [InlineData("2019-04-16T14:38", DatePrecision.Minute)]
    public void Publication_date_round_trips_through_iso_at_its_precision(string iso, DatePrecision precision)
    {
        Assert.True(PublicationDate.TryParseIso(iso, out var date));
        Assert.Equal(precision, date.Precision);
        Assert.Equal(iso, date.ToIso());
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2019-13-01")]
    [InlineData("2019-02-30")]
    [InlineData("2019-04-16T25:00")]
    public void Publication_date_rejects_what_is_not_a_date(string text)
    {
        Assert.False(PublicationDate.TryParseIso(text, out _));
    }
}
