package fi.hyte.plan.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * A goal of a plan; part of the plan aggregate. Its revision is its ETag: it grows with every change to
 * the goal (revised, approved, retired).
 *
 * <p>{@code content} is the goal as it stands now; {@code approvedContent} as the last approved version of
 * the plan approved it. They differ only while a revision of the plan has changed the goal and is not yet
 * approved: consumers keep the approved content until then.
 */
public class Goal {

    private final String id;
    private GoalContent content;
    private GoalStatus status;
    private long revision;
    private GoalContent approvedContent;
    private Integer approvedInVersion;
    private String retirementReason;

    @PersistenceCreator
    Goal(
            String id,
            GoalContent content,
            GoalStatus status,
            long revision,
            GoalContent approvedContent,
            Integer approvedInVersion,
            String retirementReason) {
        this.id = id;
        this.content = content;
        this.status = status;
        this.revision = revision;
        // goals approved before approved content was kept: what they have is what was approved
        this.approvedContent = approvedContent == null && status == GoalStatus.APPROVED ? content : approvedContent;
        this.approvedInVersion =
                approvedInVersion == null && this.approvedContent != null ? Integer.valueOf(1) : approvedInVersion;
        this.retirementReason = retirementReason;
    }

    Goal(String id, GoalContent content, GoalStatus status, long revision) {
        this(id, content, status, revision, null, null, null);
    }

    static Goal draft(GoalContent content) {
        return new Goal(UUID.randomUUID().toString(), content, GoalStatus.DRAFT, 1);
    }

    /** Replaces the content; returns the names of the fields that changed (none: nothing happened). */
    List<String> revise(GoalContent revised) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(content.title(), revised.title())) {
            changed.add("title");
        }
        if (!Objects.equals(content.description(), revised.description())) {
            changed.add("description");
        }
        if (content.ageGroup() != revised.ageGroup()) {
            changed.add("ageGroup");
        }
        if (!content.riskGroups().equals(revised.riskGroups())) {
            changed.add("riskGroups");
        }
        if (!content.measures().equals(revised.measures())) {
            changed.add("measures");
        }
        if (!changed.isEmpty()) {
            content = revised;
            revision++;
        }
        return changed;
    }

    void approve(int version) {
        status = GoalStatus.APPROVED;
        approvedContent = content;
        approvedInVersion = version;
        revision++;
    }

    void retire(String reason) {
        status = GoalStatus.RETIRED;
        retirementReason = reason;
        revision++;
    }

    /** Whether the goal has content that no approval has covered yet: new, or changed in a revision. */
    public boolean awaitsApproval() {
        return status == GoalStatus.DRAFT || (status == GoalStatus.APPROVED && !content.equals(approvedContent));
    }

    public String id() {
        return id;
    }

    public GoalContent content() {
        return content;
    }

    public GoalStatus status() {
        return status;
    }

    public long revision() {
        return revision;
    }

    /** The content as last approved; {@code null} if the goal was never approved. */
    public GoalContent approvedContent() {
        return approvedContent;
    }

    /** The plan version that last approved the goal; {@code null} if none. */
    public Integer approvedInVersion() {
        return approvedInVersion;
    }

    /** Why the goal was retired; {@code null} unless it is. */
    public String retirementReason() {
        return retirementReason;
    }
}
