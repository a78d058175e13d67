using Evidentia.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evidentia.Web.Apis;

/// <summary>The API's errors, as RFC 9457 problem details.</summary>
public static class Problems
{
    public static string AudienceNames { get; } = string.Join(", ", AudiencePreference.Choices.Select(c => AudiencePreference.Name(c.Audience)));

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
