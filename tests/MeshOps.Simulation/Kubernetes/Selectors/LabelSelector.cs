using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MeshOps.Simulation.Kubernetes.Api;

namespace MeshOps.Simulation.Kubernetes.Selectors;

/// <summary>
/// The <c>labelSelector</c> query parameter as k8s.io/apimachinery/pkg/labels parses it: requirements joined by commas,
/// each <c>key</c>, <c>!key</c>, <c>key=v</c>, <c>key==v</c>, <c>key!=v</c>, <c>key in (a,b)</c> or <c>key notin (a,b)</c>.
/// A selector that does not parse is a 400 BadRequest, as on a real server.
/// </summary>
public sealed partial class LabelSelector
{
    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Everything;
        var tokens = new SelectorLexer(text);
        var requirements = new List<Requirement>();
        while (true)
        {
            requirements.Add(ParseRequirement(tokens));
            var next = tokens.Next();
            if (next.Kind == TokenKind.End)
                return new LabelSelector(requirements);
            if (next.Kind != TokenKind.Comma)
                throw Invalid($"found '{next.Text}', expected: ',' or 'end of string'");
        }
    }

    public bool Matches(JsonObject obj)
    {
        var labels = obj["metadata"]?["labels"] as JsonObject;
        return _requirements.All(r => r.Matches(labels));
    }

    private static Requirement ParseRequirement(SelectorLexer tokens)
    {
        var first = tokens.Next();
        if (first.Kind == TokenKind.Not)
        {
            var key = tokens.Next();
            if (key.Kind != TokenKind.Identifier)
                throw Invalid($"found '{key.Text}', expected: identifier");
            return new Requirement(ValidKey(key.Text), Operator.DoesNotExist, []);
        }

        if (first.Kind != TokenKind.Identifier)
            throw Invalid($"found '{first.Text}', expected: !, identifier, or 'end of string'");
        var name = ValidKey(first.Text);
        var op = tokens.Peek();
        switch (op.Kind)
        {
            case TokenKind.End or TokenKind.Comma:
                return new Requirement(name, Operator.Exists, []);
            case TokenKind.Equals or TokenKind.DoubleEquals or TokenKind.NotEquals:
                tokens.Next();
                var value = tokens.Peek();
                var text = value.Kind == TokenKind.Identifier ? tokens.Next().Text : string.Empty;
                return new Requirement(name, op.Kind == TokenKind.NotEquals ? Operator.NotEquals : Operator.Equals, [ValidValue(text)]);
            case TokenKind.In or TokenKind.NotIn:
                tokens.Next();
                return new Requirement(name, op.Kind == TokenKind.In ? Operator.In : Operator.NotIn, ParseSet(tokens));
            default:
                throw Invalid($"found '{op.Text}', expected: in, notin, =, ==, !=, gt, lt");
        }
    }

    private static List<string> ParseSet(SelectorLexer tokens)
    {
        var open = tokens.Next();
        if (open.Kind != TokenKind.Open)
            throw Invalid($"found '{open.Text}', expected: '('");
        var values = new List<string>();
        while (true)
        {
            var token = tokens.Next();
            if (token.Kind == TokenKind.Identifier)
            {
                values.Add(ValidValue(token.Text));
                token = tokens.Next();
            }

            if (token.Kind == TokenKind.Close)
                return values.Count > 0 ? values : throw Invalid("for 'in', 'notin' operators, values set can't be empty");
            if (token.Kind != TokenKind.Comma)
                throw Invalid($"found '{token.Text}', expected: ',' or ')'");
        }
    }

    private static string ValidKey(string key) =>
        KeyPattern().IsMatch(key) && key.Length <= 316 ? key : throw Invalid($"key: Invalid value: \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");

    private static string ValidValue(string value) =>
        value.Length == 0 || (ValuePattern().IsMatch(value) && value.Length <= 63) ? value : throw Invalid($"values[0]: Invalid value: \"{value}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");

    private static StatusException Invalid(string reason) => StatusException.BadRequest($"unable to parse requirement: {reason}");

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex ValuePattern();

    private enum Operator
    {
        Exists,
        DoesNotExist,
        Equals,
        NotEquals,
        In,
        NotIn,
    }

    private sealed record Requirement(string Key, Operator Op, IReadOnlyList<string> Values)
    {
        public bool Matches(JsonObject? labels)
        {
            var present = labels is not null && labels.ContainsKey(Key);
            var value = present ? (string?)labels![Key] : null;
            return Op switch
            {
                Operator.Exists => present,
                Operator.DoesNotExist => !present,
                Operator.Equals or Operator.In => present && Values.Contains(value),
                Operator.NotEquals or Operator.NotIn => !present || !Values.Contains(value),
                _ => false,
            };
        }
    }
}
