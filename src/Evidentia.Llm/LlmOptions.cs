using System.ComponentModel.DataAnnotations;

namespace Evidentia.Llm;

/// <summary>
/// The OpenAI-compatible endpoint of the optional LLM composer (configuration section "Llm", e.g. the
/// environment variables <c>EVIDENTIA_Llm__Endpoint</c>, <c>EVIDENTIA_Llm__Model</c>, <c>EVIDENTIA_Llm__ApiKey</c>).
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>The base URL of the API, ending in /v1 for most servers ("http://127.0.0.1:8080/v1").</summary>
    [Required]
    public Uri? Endpoint { get; set; }

    [Required]
    public string? Model { get; set; }

    /// <summary>The API key; local servers usually take any value.</summary>
    public string ApiKey { get; set; } = "none";

    /// <summary>Evidence passages given to the model, best first.</summary>
    [Range(1, 50)]
    public int EvidencePassages { get; set; } = 12;

    /// <summary>How long to wait for the model before falling back to the extractive answer.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Why these options cannot be used, naming the configuration path; null when they can.</summary>
    public string? Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri)
        {
            return $"{Section}:Endpoint must be an absolute URL (set EVIDENTIA_{Section}__Endpoint).";
        }

        return string.IsNullOrWhiteSpace(Model) ? $"{Section}:Model is required (set EVIDENTIA_{Section}__Model)." : null;
    }
}
