using System.Numerics.Tensors;
using Evidentia.Semantics;

namespace Evidentia.Tests.Semantics;

public class TextEncoderTests
{
    [Fact]
    public void Should_Give_Unit_Vectors_Of_The_Models_Width()
    {
        var vectors = Encoders.Default.Encode(["a short text", "another, somewhat longer text about something else entirely"]);

        Assert.Equal("arctic-embed-xs", Encoders.Default.Model);
        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.Equal(1f, TensorPrimitives.Norm(v), 4));
    }

    [Fact]
    public void Should_Give_A_Text_The_Same_Vector_Alone_And_In_A_Padded_Batch()
    {
        var alone = Encoders.Default.Encode(["how is a sprained ankle looked after"])[0];
        // Longer neighbours make the batch wider than the text: its padding must be masked out.
        var batch = Encoders.Default.Encode(
            [string.Join(' ', Enumerable.Repeat("a much longer neighbouring text", 20)), "how is a sprained ankle looked after", "one more"]);

        Assert.Equal(1f, TensorPrimitives.Dot(alone, batch[1]), 4);
    }

    [Fact]
    public void Should_Place_A_Question_Nearer_Its_Paraphrase_Than_An_Unrelated_Question()
    {
        var v = Encoders.Default.Encode(["How do I lower my blood pressure?", "What can I do to reduce hypertension?", "What is the capital of France?"]);

        Assert.True(TensorPrimitives.Dot(v[0], v[1]) > TensorPrimitives.Dot(v[0], v[2]) + 0.1f);
    }

    [Fact]
    public void Should_Add_The_Query_Prefix_Only_When_Asked()
    {
        var plain = Encoders.Default.Encode(["ankle sprain"])[0];
        var query = Encoders.Default.Encode(["ankle sprain"], asQuery: true)[0];

        Assert.NotEqual(1f, TensorPrimitives.Dot(plain, query), 3);
    }

    [Fact]
    public void Should_Run_The_Alternative_Model_With_Mean_Pooling()
    {
        using var encoder = new OnnxTextEncoder(EncoderModel.Named("minilm"), threads: 1);
        var v = encoder.Encode(["How do I lower my blood pressure?", "What can I do to reduce hypertension?", "What is the capital of France?"]);

        Assert.Equal("all-MiniLM-L6-v2", encoder.Model);
        Assert.All(v, x => Assert.Equal(1f, TensorPrimitives.Norm(x), 4));
        Assert.True(TensorPrimitives.Dot(v[0], v[1]) > TensorPrimitives.Dot(v[0], v[2]) + 0.1f);
    }

    [Fact]
    public void Should_Refuse_An_Unknown_Model_By_Name() =>
        Assert.Throws<ArgumentException>(() => EncoderModel.Named("gpt-9"));
}
