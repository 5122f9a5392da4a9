using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Secrets;

/// <summary>
/// Issue 10 cause 5: a type error quoted the unquoted value YAML read as a number. A number matches no pattern of the
/// redactor, so the key it is written under (or the env entry's name) decides whether it is quoted.
/// </summary>
public class LoadErrorRedactionTests
{
    [Fact]
    public void An_unquoted_numeric_password_in_a_ConfigMap_is_not_quoted_in_the_type_error()
    {
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: db
            data:
              password: 87654321
            """;

        var error = Assert.Single(ManifestLoader.LoadText(yaml, "db.yaml").Errors);

        Assert.Equal(LoadErrorIds.InvalidField, error.ErrorId);
        Assert.DoesNotContain("87654321", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("'***' as a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unquoted_numeric_env_value_named_as_a_password_is_not_quoted_in_the_type_error()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: api
                  image: api
                  env:
                    - name: DB_PASSWORD
                      value: 87654322
            """;

        var error = Assert.Single(ManifestLoader.LoadText(yaml, "api.yaml").Errors);

        Assert.DoesNotContain("87654322", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("'***' as a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_under_an_ordinary_key_is_still_quoted_so_the_user_can_find_it()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: api
                  image: api
                  env:
                    - name: REPLICAS
                      value: 3
            """;

        var error = Assert.Single(ManifestLoader.LoadText(yaml, "api.yaml").Errors);

        Assert.Contains("'3' as a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_set_on_a_copy_is_masked_and_escaped_too()
    {
        var error = new LoadError("X", new SourceLocation("a.yaml", 1, 1), "ok") with { Message = "password=hunter2 \u001b[2J" };
        var warning = new LoadWarning("X", new SourceLocation("a.yaml", 1, 1), "ok") with { Message = "password=hunter2" };
        var skipped = new SkippedDocument(new SourceLocation("a\u001b]8;;x\u0007.yaml", 1, 1), "DB_PASS=hunter2");

        Assert.Equal("password=*** \\x1b[2J", error.Message);
        Assert.Equal("password=***", warning.Message);
        Assert.Equal("DB_PASS=***", skipped.Reason);
        Assert.Equal("a\\x1b]8;;x\\x07.yaml", skipped.Location.File);
    }
}
