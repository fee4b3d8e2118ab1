using Microsoft.AspNetCore.Http.HttpResults;

namespace Dossier.Web.Api;

/// <summary>Offset and limit of a list request, checked once for every list.</summary>
internal readonly record struct Paging(int Offset, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public static bool TryCreate(int? offset, int? limit, out Paging paging, out ProblemHttpResult? problem)
    {
        paging = new Paging(offset ?? 0, limit ?? DefaultLimit);
        problem = null;
        if (paging.Offset < 0 || paging.Limit < 1 || paging.Limit > MaxLimit)
        {
            problem = Problems.BadRequest($"offset must be at least 0 and limit between 1 and {MaxLimit}");
            return false;
        }

        return true;
    }

    public Page<T> Of<T>(IReadOnlyList<T> all) => Of(all, item => item);

    /// <summary>The page of a ready list, converting only the items on it.</summary>
    public Page<T> Of<TSource, T>(IReadOnlyList<TSource> all, Func<TSource, T> convert)
    {
        var items = new List<T>(Math.Max(0, Math.Min(Limit, all.Count - Offset)));
        for (var i = Offset; i < all.Count && i < Offset + Limit; i++)
        {
            items.Add(convert(all[i]));
        }

        return new(items, Offset, Limit, all.Count, Offset + Limit < all.Count);
    }

    /// <summary>The page of the positions that pass <paramref name="keep"/>, converting only the items on it; the others are counted for the total.</summary>
    public Page<T> Of<T>(IReadOnlyList<int> positions, Func<int, bool> keep, Func<int, T> convert)
    {
        var items = new List<T>();
        var count = 0;
        for (var p = 0; p < positions.Count; p++)
        {
            var position = positions[p];
            if (!keep(position))
            {
                continue;
            }

            if (count >= Offset && count < Offset + Limit)
            {
                items.Add(convert(position));
            }

            count++;
        }

        return new(items, Offset, Limit, count, Offset + Limit < count);
    }

    /// <summary>The page of a filtered sequence: keeps only the page's items, counts the rest for the total.</summary>
    public Page<T> Of<T>(IEnumerable<T> filtered)
    {
        var items = new List<T>();
        var count = 0;
        foreach (var item in filtered)
        {
            if (count >= Offset && count < Offset + Limit)
            {
                items.Add(item);
            }

            count++;
        }

        return new(items, Offset, Limit, count, Offset + Limit < count);
    }
}

/// <summary>RFC 9457 problem details, with a title per status and the reason in the detail.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static ProblemHttpResult Unauthorized(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static ProblemHttpResult TooLarge(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");

    public static ProblemHttpResult MethodNotAllowed(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed");

    public static ProblemHttpResult UnsupportedMediaType(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");

    public static ProblemHttpResult Busy(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
}

/// <summary>The positions 0 to count - 1 as a list, without an array of them.</summary>
internal sealed class AllPositions(int count) : IReadOnlyList<int>
{
    public int Count => count;

    public int this[int index] => (uint)index < (uint)count ? index : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<int> GetEnumerator() => Enumerable.Range(0, count).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
