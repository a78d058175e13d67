using Evidentia.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evidentia.Web.Apis;

/// <summary>The API's errors, as RFC 9457 problem details.</summary>
public static class Problems
{
    private static readonly string AudienceNames = string.Join(", ", AudiencePreference.Choices.Select(c => AudiencePreference.Name(c.Audience)));

    /// <summary>Reads an optional audience name: null (absent) is fine, an unknown name is a problem.</summary>
    public static ProblemHttpResult? Audience(string? name, out Core.Answers.Audience? audience)
    {
        audience = AudiencePreference.Parse(name);
        return name is not null && audience is null ? BadRequest($"Unknown audience '{name}'. Use one of: {AudienceNames}.") : null;
    }

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    public static ProblemHttpResult TooManyRequests(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
