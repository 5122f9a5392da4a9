using System.Text;

namespace MeshOps.Simulation.Kubernetes.Selectors;

internal enum TokenKind
{
    End,
    Identifier,
    Comma,
    Open,
    Close,
    Not,
    Equals,
    DoubleEquals,
    NotEquals,
    In,
    NotIn,
    Other,
}

internal readonly record struct SelectorToken(TokenKind Kind, string Text);

/// <summary>The label selector lexer of apimachinery: identifiers run until whitespace or a special character.</summary>
internal sealed class SelectorLexer(string text)
{
    private int _position;
    private SelectorToken? _peeked;

    public SelectorToken Peek() => _peeked ??= Read();

    public SelectorToken Next()
    {
        var token = Peek();
        _peeked = null;
        return token;
    }

    private SelectorToken Read()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            _position++;
        if (_position >= text.Length)
            return new SelectorToken(TokenKind.End, string.Empty);
        var c = text[_position];
        switch (c)
        {
            case ',':
                _position++;
                return new SelectorToken(TokenKind.Comma, ",");
            case '(':
                _position++;
                return new SelectorToken(TokenKind.Open, "(");
            case ')':
                _position++;
                return new SelectorToken(TokenKind.Close, ")");
            case '=' or '!' or '<' or '>':
                return ReadOperator();
        }

        var identifier = new StringBuilder();
        while (_position < text.Length && !char.IsWhiteSpace(text[_position]) && ",()=!<>".IndexOf(text[_position], StringComparison.Ordinal) < 0)
            identifier.Append(text[_position++]);
        var word = identifier.ToString();
        return word switch
        {
            "in" => new SelectorToken(TokenKind.In, word),
            "notin" => new SelectorToken(TokenKind.NotIn, word),
            _ => new SelectorToken(TokenKind.Identifier, word),
        };
    }

    private SelectorToken ReadOperator()
    {
        var start = _position;
        while (_position < text.Length && "=!<>".IndexOf(text[_position], StringComparison.Ordinal) >= 0)
            _position++;
        var op = text[start.._position];
        return op switch
        {
            "=" => new SelectorToken(TokenKind.Equals, op),
            "==" => new SelectorToken(TokenKind.DoubleEquals, op),
            "!=" => new SelectorToken(TokenKind.NotEquals, op),
            "!" => new SelectorToken(TokenKind.Not, op),
            _ => new SelectorToken(TokenKind.Other, op),
        };
    }
}
