using System.ComponentModel.DataAnnotations;

namespace Evidentia.Web.Hosting;

/// <summary>Settings of the web product, section <c>Web</c> (environment: <c>EVIDENTIA_Web__AskPermitsPerMinute</c>).</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>New questions (page or API) one client address may ask per minute; beyond it, HTTP 429.</summary>
    [Range(1, 100_000)]
    public int AskPermitsPerMinute { get; set; } = 60;

    /// <summary>How many example questions the home page offers (each checked to be answerable by the corpus).</summary>
    [Range(0, 20)]
    public int ExampleQuestions { get; set; } = 6;
}
