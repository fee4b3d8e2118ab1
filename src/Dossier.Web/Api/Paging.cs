namespace Dossier.Web.Api;

/// <summary>Offset and limit of a list request, checked once for every list.</summary>
internal readonly record struct Paging(int Offset, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public static bool TryCreate(int? offset, int? limit, out Paging paging, out IResult? problem)
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

    public Page<T> Of<T>(IReadOnlyList<T> all) =>
        new(all.Skip(Offset).Take(Limit).ToList(), Offset, Limit, all.Count, Offset + Limit < all.Count);
}

/// <summary>RFC 9457 problem details, with a title per status and the reason in the detail.</summary>
internal static class Problems
{
    public static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Forbidden(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult Unauthorized(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static IResult TooLarge(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");

    public static IResult Busy(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
}
