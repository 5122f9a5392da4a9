using System.Text.Json.Nodes;
using MeshOps.Publishing;
using MeshOps.Sources.Files;

namespace MeshOps.Live.Tests.Publishing;

/// <summary>Which Synced condition answers an apply: one consul-k8s wrote after the API server stored it, by the cluster's clocks.</summary>
public sealed class SyncTargetTests
{
    private static readonly DesiredObject Frontend =
        DesiredObject.From(ManifestLoader.LoadText(PublishingYaml.FrontendIntention, "d.yaml").Resources[0].Model!, "default");

    private static JsonObject Stored(string description, string appliedAt, string? syncedAt)
    {
        var stored = JsonNode.Parse($$$"""
            {"metadata":{"name":"frontend","managedFields":[
               {"manager":"other","operation":"Update","time":"2001-01-01T00:00:00Z"},
               {"manager":"meshops","operation":"Apply","time":"{{{appliedAt}}}"}]},
             "spec":{"destination":{"name":"frontend"},"sources":[{"name":"nginx","action":"allow","description":"{{{description}}}"}]}}
            """)!.AsObject();
        if (syncedAt is not null)
        {
            stored["status"] = JsonNode.Parse($$"""
                {"conditions":[{"type":"Synced","status":"True","lastTransitionTime":"{{syncedAt}}"}],"lastSyncedTime":"{{syncedAt}}"}
                """);
        }

        return stored;
    }

    [Fact]
    public void A_condition_is_judged_by_the_API_server_time_of_the_apply_not_this_machine_clock()
    {
        // Years ahead of this machine's clock: only the server's time can tell these apart.
        var target = SyncTarget.For(Frontend, Stored("old", "2040-01-01T00:00:00Z", "2040-01-01T00:00:00Z"), Stored("new", "2040-06-01T12:00:10Z", "2040-01-01T00:00:00Z"));

        Assert.Equal(DateTimeOffset.Parse("2040-06-01T12:00:10Z", System.Globalization.CultureInfo.InvariantCulture), target.AppliedAt);
        Assert.False(target.Answers(Stored("new", "2040-06-01T12:00:10Z", "2040-06-01T12:00:09Z")));
        Assert.True(target.Answers(Stored("new", "2040-06-01T12:00:10Z", "2040-06-01T12:00:10Z")));
        Assert.True(target.Answers(Stored("new", "2040-06-01T12:00:10Z", "2040-06-01T12:00:11Z")));
    }

    [Fact]
    public void The_status_there_before_the_apply_never_answers_it_even_within_the_same_second()
    {
        var target = SyncTarget.For(Frontend, Stored("old", "2040-01-01T00:00:00Z", "2040-06-01T12:00:10Z"), Stored("new", "2040-06-01T12:00:10Z", "2040-06-01T12:00:10Z"));

        Assert.False(target.Answers(Stored("new", "2040-06-01T12:00:10Z", "2040-06-01T12:00:10Z")));
    }

    [Fact]
    public void An_apply_that_left_the_spec_as_it_was_takes_the_Synced_there_since_consul_k8s_writes_no_new_one()
    {
        var target = SyncTarget.For(Frontend, Stored("same", "2040-01-01T00:00:00Z", "2040-01-01T00:00:00Z"), Stored("same", "2040-06-01T12:00:10Z", "2040-01-01T00:00:00Z"));

        Assert.True(target.Answers(Stored("same", "2040-06-01T12:00:10Z", "2040-01-01T00:00:00Z")));
    }
}
