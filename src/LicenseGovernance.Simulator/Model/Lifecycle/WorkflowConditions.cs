using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model.Lifecycle
{
    /// <summary>
    /// A workflow's executionConditions: on demand only, or a trigger with a scope. Types are stored without the
    /// "#microsoft.graph.identityGovernance." prefix; only the properties of the chosen types are set.
    /// </summary>
    public sealed class WorkflowConditions
    {
        public const string TriggerAndScope = "triggerAndScopeBasedConditions";
        public const string OnDemandOnly = "onDemandExecutionOnly";
        public const string RuleScope = "ruleBasedSubjectSet";
        public const string GroupScope = "groupBasedSubjectSet";
        public const string MembershipTrigger = "membershipChangeTrigger";

        public string Type { get; set; } = OnDemandOnly;

        /// <summary>ruleBasedSubjectSet or groupBasedSubjectSet.</summary>
        public string? ScopeType { get; set; }

        /// <summary>ruleBasedSubjectSet: an OData $filter over users.</summary>
        public string? Rule { get; set; }

        /// <summary>groupBasedSubjectSet: the groups whose membership changes trigger the workflow.</summary>
        public List<Guid> GroupIds { get; set; } = new List<Guid>();

        /// <summary>timeBasedAttributeTrigger, attributeChangeTrigger, membershipChangeTrigger or userInactivityTrigger.</summary>
        public string? TriggerType { get; set; }

        /// <summary>membershipChangeTrigger: add or remove.</summary>
        public string? ChangeType { get; set; }

        public string? TimeBasedAttribute { get; set; }

        public int? OffsetInDays { get; set; }

        public List<string> TriggerAttributes { get; set; } = new List<string>();

        public int? InactivityPeriodInDays { get; set; }

        public bool IsMembershipChange() => Type == TriggerAndScope && TriggerType == MembershipTrigger && ScopeType == GroupScope;
    }
}
