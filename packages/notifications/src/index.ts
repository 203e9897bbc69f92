export type { NotificationsLabels, OpenConversation } from './labels';
export { MessagingUpdates, type MessagingUpdatesProps } from './messaging-updates';
export { Toaster, type ToasterPlacement, type ToasterProps } from './toaster';
