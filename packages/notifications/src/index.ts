export {
  defaultNotificationsLabels,
  type NotificationsLabels,
  type OpenConversation,
} from './labels';
export { MessagingUpdates, type MessagingUpdatesProps } from './messaging-updates';
export type { MessageBodyProps, NotificationsComponents, ToastBodyProps } from './slots';
export { Toaster, type ToasterPlacement, type ToasterProps } from './toaster';
