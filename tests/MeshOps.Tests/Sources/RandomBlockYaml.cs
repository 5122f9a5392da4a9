using System.Text;

namespace MeshOps.Tests.Sources;

/// <summary>
/// Seeded random YAML in the shapes manifests take, with a sprinkling of what the block reader must leave to
/// YamlDotNet (anchors, flow collections, tabs, folded scalars, odd indentation), for differential testing.
/// </summary>
internal sealed class RandomBlockYaml(int seed)
{
    private static readonly string[] Keys = ["name", "image", "port", "targetPort", "labels", "app", "a b", "x-key", "\"quoted key\"", "'single'", "url", "env", "value", "k8s.io/name", "-dash", "true", "1"];
    private static readonly string[] Ordinary =
    [
        "web", "8080", "-1", "0x1F", "1.5", "1e3", ".inf", "true", "False", "yes", "null", "~", "", "\"\"", "''",
        "http://products-api:9090/x#frag", "a#b", "a # comment", "host=postgres port=5432", "'it''s'", "\"tab\\tnew\\nline\"",
        "\"a\\\\b\"", "text with  spaces  ", "café", "x\ty", "-", "a-b", "1800", "\"8080\"",
    ];

    // What the block reader leaves to YamlDotNet, or YAML errors.
    private static readonly string[] Odd =
    [
        "\"\\u00e9\"", "@at", "`tick", "%pct", "!tag x", "&anchor v", "*alias", "[a, b]", "{a: 1}",
        "a: b", "- x", "? q", ": c", ">", "\"unterminated", "'bad",
    ];

    private readonly Random random = new(seed);

    public string Next()
    {
        var text = new StringBuilder();
        var documents = random.Next(1, 4);
        for (var d = 0; d < documents; d++)
        {
            if (d > 0 || random.Next(4) == 0)
                text.Append(random.Next(6) == 0 ? "--- # doc\n" : "---\n");
            if (random.Next(5) == 0)
                text.Append("# leading comment\n");
            Mapping(text, 0, 0);
        }
        if (random.Next(10) == 0)
            text.Append("...\n");
        return random.Next(8) == 0 ? text.ToString().Replace("\n", "\r\n", StringComparison.Ordinal) : text.ToString();
    }

    private void Mapping(StringBuilder text, int indent, int depth)
    {
        var entries = random.Next(1, 5);
        for (var i = 0; i < entries; i++)
        {
            Indent(text, indent);
            text.Append(Pick(Keys)).Append(':');
            Value(text, indent, depth);
            MaybeNoise(text, indent);
        }
    }

    private void Value(StringBuilder text, int indent, int depth)
    {
        var step = random.Next(6) == 0 ? 4 : 2;
        switch (depth < 4 ? random.Next(7) : 0)
        {
            case 0:
            case 1:
                text.Append(' ').Append(Scalar()).Append(random.Next(6) == 0 ? "  # trailing" : "").Append('\n');
                break;
            case 2:
                text.Append('\n');
                Mapping(text, indent + step, depth + 1);
                break;
            case 3:
                text.Append('\n');
                Sequence(text, random.Next(3) == 0 ? indent : indent + step, depth + 1);
                break;
            case 4:
                text.Append(' ').Append(random.Next(10) == 0 ? Pick(["|+", ">", "|2"]) : Pick(["|", "|-"])).Append('\n');
                var lines = random.Next(0, 4);
                for (var l = 0; l < lines; l++)
                {
                    if (random.Next(6) == 0)
                        text.Append(random.Next(3) != 0 ? "\n" : new string(' ', indent + step + random.Next(0, 3)) + "\n");
                    Indent(text, indent + step + (random.Next(5) == 0 ? 2 : 0));
                    text.Append(Pick(["server { listen 80; }", "# not a comment", "proxy_pass http://frontend:3000;", "key: value", "\ttabbed"])).Append('\n');
                }
                break;
            case 5:
                text.Append(' ').Append(Pick(["{}", "[]", "{} # empty"])).Append('\n');
                break;
            default:
                text.Append('\n');
                if (random.Next(2) == 0)
                    Indent(text, indent + step);
                text.Append(random.Next(2) == 0 ? "" : Scalar()).Append('\n');
                break;
        }
    }

    private void Sequence(StringBuilder text, int indent, int depth)
    {
        var items = random.Next(1, 4);
        for (var i = 0; i < items; i++)
        {
            Indent(text, indent);
            text.Append('-');
            switch (random.Next(4))
            {
                case 0:
                    text.Append(' ').Append(Scalar()).Append('\n');
                    break;
                case 1:
                    // A compact mapping: its first key on the dash's line, the rest aligned under it.
                    text.Append(' ');
                    var entries = random.Next(1, 3);
                    for (var e = 0; e < entries; e++)
                    {
                        if (e > 0)
                            Indent(text, indent + 2);
                        text.Append(Pick(Keys)).Append(':');
                        Value(text, indent + 2, depth + 1);
                    }
                    break;
                case 2:
                    text.Append('\n');
                    Mapping(text, indent + 2, depth + 1);
                    break;
                default:
                    text.Append(random.Next(2) == 0 ? "\n" : " - nested\n");
                    break;
            }
        }
    }

    private void MaybeNoise(StringBuilder text, int indent)
    {
        switch (random.Next(40))
        {
            case 0:
                text.Append('\n');
                break;
            case 1:
                text.Append(new string(' ', random.Next(0, indent + 3))).Append("# comment\n");
                break;
            case 2:
                text.Append('\t').Append("# tab-indented comment\n");
                break;
        }
    }

    private void Indent(StringBuilder text, int indent) => text.Append(' ', indent + (random.Next(150) == 0 ? 1 : 0));

    private string Scalar() => random.Next(40) == 0 ? Pick(Odd) : Pick(Ordinary);

    private string Pick(string[] choices) => choices[random.Next(choices.Length)];
}
