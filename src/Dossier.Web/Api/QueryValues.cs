using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using Dossier.Core.Facts;

namespace Dossier.Web.Api;

/// <summary>
/// The checks of query values that several endpoints share. Each refusal names the parameter and
/// the value given, and lists what is allowed, so a script's author sees the mistake in the answer.
/// </summary>
internal static class QueryValues
{
    /// <summary>The tie groups a graph or tie list may be filtered by: the five families and the rest.</summary>
    public static readonly IReadOnlyList<string> TieGroups = [.. Corpus.Groups, "other"];

    /// <summary>
    /// A day given as <c>yyyy-mm-dd</c>, as the number <see cref="Graph.Day"/> gives. It must be a
    /// day of the calendar: <see cref="Graph.Day"/> alone reads 2019-13-45 as a number and would
    /// filter by it without complaint.
    /// </summary>
    public static bool TryDay(string parameter, string? value, out int? day, out ProblemHttpResult? problem)
    {
        day = null;
        problem = null;
        if (value is null)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problem = Problems.BadRequest($"{parameter}={value} is not a date: dates are yyyy-mm-dd, a day of the calendar");
            return false;
        }

        day = (date.Year * 10000) + (date.Month * 100) + date.Day;
        return true;
    }

    /// <summary>The tie groups of a comma-separated list, or a problem naming the first unknown one.</summary>
    public static bool TryGroups(string? list, out HashSet<string> groups, out ProblemHttpResult? problem)
    {
        groups = new HashSet<string>(StringComparer.Ordinal);
        problem = null;
        foreach (var group in ReadEndpoints.Split(list))
        {
            if (!TieGroups.Contains(group, StringComparer.Ordinal))
            {
                problem = UnknownGroup(group);
                return false;
            }

            groups.Add(group);
        }

        return true;
    }

    public static ProblemHttpResult UnknownGroup(string group) =>
        Problems.BadRequest($"unknown group {group}; groups are {string.Join(", ", TieGroups)}");

    /// <summary>A tie kind in the spelling the ties carry (member_of), or a problem listing the kinds.</summary>
    public static bool TryTieKind(string? value, out string? kind, out ProblemHttpResult? problem)
    {
        kind = null;
        problem = null;
        if (value is null)
        {
            return true;
        }

        if (!RelationKinds.TryParse(value, out var parsed))
        {
            problem = Problems.BadRequest($"unknown tie kind {value}; kinds are {RelationKinds.AllNames}");
            return false;
        }

        kind = parsed.ToName();
        return true;
    }
}
