using Evidentia.Core.Answers;
using Microsoft.AspNetCore.Http;

namespace Evidentia.Web.Hosting;

/// <summary>"Which best describes you?", remembered across pages in a cookie.</summary>
public static class AudiencePreference
{
    public const string Cookie = "evidentia-audience";

    /// <summary>The audiences in the order the picker shows them, with their labels.</summary>
    public static IReadOnlyList<(Audience Audience, string Label)> Choices { get; } =
    [
        (Audience.Physician, "Physician"),
        (Audience.Nurse, "Nurse or physician assistant"),
        (Audience.Pharmacist, "Pharmacist"),
        (Audience.Student, "Student"),
        (Audience.Patient, "Patient or caregiver"),
    ];

    public static string Label(Audience audience) => Choices.First(c => c.Audience == audience).Label;

    /// <summary>The remembered audience, or null when none was chosen.</summary>
    public static Audience? Get(HttpContext context) =>
        Parse(context.Request.Cookies[Cookie]);

    public static void Set(HttpContext context, Audience audience) =>
        context.Response.Cookies.Append(Cookie, Name(audience), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
            Secure = context.Request.IsHttps,
        });

    /// <summary>An audience by its contract name ("physician"), case-insensitive; null for anything else.</summary>
    public static Audience? Parse(string? value) =>
        Enum.TryParse<Audience>(value, ignoreCase: true, out var audience) && Enum.IsDefined(audience) && !int.TryParse(value, out _)
            ? audience
            : null;

    public static string Name(Audience audience) => audience.ToString().ToLowerInvariant();
}
