using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshOps.Generators.Tests;

/// <summary>The walker the generator tests share finds each banned value however deep a model holds it.</summary>
public sealed class ModelWalkerTests
{
    private sealed record Holder(string Name, object? Value);

    public static TheoryData<string, object> Leaks => new()
    {
        { "Location", Location.None },
        { "SyntaxNode", SyntaxFactory.IdentifierName("x") },
        { "SyntaxTree", CSharpSyntaxTree.ParseText("class C;") },
        { "plain array", new[] { 1, 2 } },
        { "ImmutableArray", ImmutableArray.Create(1, 2) },
        { "List", new List<string> { "a" } },
    };

    [Theory]
    [MemberData(nameof(Leaks))]
    public void A_banned_value_inside_a_model_is_reported_with_its_path(string what, object value)
    {
        var walk = ModelWalker.WalkValue(new Holder("outer", new Holder("inner", value)), "Step");

        var problem = Assert.Single(walk.Problems);
        Assert.StartsWith("Step.<Value>k__BackingField.<Value>k__BackingField:", problem, StringComparison.Ordinal);
        Assert.Contains(what, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Equatable_arrays_of_records_and_the_array_of_a_collect_pass()
    {
        var model = new Holder("outer", new[] { new Holder("a", 1), new Holder("b", "two") }.ToEquatableArray());

        var walk = ModelWalker.WalkValue(ImmutableArray.Create(model), "Step");

        Assert.Empty(walk.Problems);
        Assert.True(walk.Walked >= 4, $"walked {walk.Walked}");
    }
}
