/**
 * The verbs of every card action. Templates receive them as data and routes register them
 * from here, so a card can never carry a verb that no route answers.
 */
export const VERBS = {
  setupOpen: 'setup.open',
  setupSave: 'setup.save',
  deliveryRetry: 'delivery.retry',
  sessionList: 'session.list',
  sessionEdit: 'session.edit',
  sessionSave: 'session.save',
  sessionStep: 'session.step',
  sessionInvite: 'session.invite',
  invitationView: 'invitation.view',
  rsvpAnswer: 'rsvp.answer',
  rsvpsOpen: 'rsvps.open',
  rsvpsRemind: 'rsvps.remind',
  attendanceOpen: 'attendance.open',
  attendanceSave: 'attendance.save',
  topicForm: 'topic.form',
  topicSubmit: 'topic.submit',
  topicWithdraw: 'topic.withdraw',
  topicsOpen: 'topics.open',
  topicDecideForm: 'topic.decideForm',
  topicDecide: 'topic.decide',
  agendaOpen: 'agenda.open',
  agendaMove: 'agenda.move',
  agendaItemForm: 'agenda.itemForm',
  agendaItemSave: 'agenda.itemSave',
  agendaPublish: 'agenda.publish',
  workingGroupsOpen: 'workingGroups.open',
  workingGroupForm: 'workingGroup.form',
  workingGroupSave: 'workingGroup.save',
  workingGroupEnd: 'workingGroup.end',
  minutesOpen: 'minutes.open',
  minutesItemForm: 'minutes.itemForm',
  minutesItemSave: 'minutes.itemSave',
  minutesCirculate: 'minutes.circulate',
  minutesRespond: 'minutes.respond',
  minutesApprove: 'minutes.approve',
  actionsOpen: 'actions.open',
  actionOpen: 'action.open',
  actionStatus: 'action.status',
  actionProposeDue: 'action.proposeDue',
  actionDecideDue: 'action.decideDue',
  rosterOpen: 'roster.open',
  rosterImport: 'roster.import',
  rosterNewSeat: 'roster.newSeat',
  rosterEditSeat: 'roster.editSeat',
  rosterSaveSeat: 'roster.saveSeat',
  rosterRemoveSeat: 'roster.removeSeat',
  rosterEditPerson: 'roster.editPerson',
  rosterSaveRoles: 'roster.saveRoles',
  rosterSetActive: 'roster.setActive',
  personErase: 'person.erase',
  auditOpen: 'audit.open',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];

export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && (Object.values(VERBS) as string[]).includes(value);
}
