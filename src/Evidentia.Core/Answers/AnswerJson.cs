using System.Text.Json;
using System.Text.Json.Serialization;

namespace Evidentia.Core.Answers;

/// <summary>The one JSON form of answers: camelCase, enums by name, nulls written (the contract lists <c>reason: null</c>).</summary>
public static class AnswerJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Adds the answer contract's converters (audiences lower case, enums by name) to other options, such as a web host's.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new AudienceConverter());
        options.Converters.Add(new JsonStringEnumConverter());
    }

    // Audiences are lower-case in the contract ("physician").
    private sealed class AudienceConverter : JsonConverter<Audience>
    {
        public override Audience Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Enum.TryParse<Audience>(reader.GetString(), ignoreCase: true, out var a) ? a : throw new JsonException("unknown audience");

        public override void Write(Utf8JsonWriter writer, Audience value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString().ToLowerInvariant());
    }
}
